using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Charts;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Charts;

public class FunnelPlotTests
{
    // Target 0, SD 2: 95 % half-widths 1.96·2/√n = 0.392 (n = 100), 0.554 (n = 50), 0.877 (n = 20).
    internal static FunnelPoint[] Clinics() =>
    [
        new("A", 100, -1.0), new("B", 50, 0.1), new("C", 20, 1.5), new("D", 5, 3.0), new("E", 40, 0.2, PerformanceFlag.Suppressed),
    ];

    [Fact]
    public void Flags_follow_the_95_percent_limits()
    {
        var flags = Clinics().Select(c => FunnelPlot.FlagOf(c, 0, 2)).ToArray();
        Assert.Equal([PerformanceFlag.Better, PerformanceFlag.AsExpected, PerformanceFlag.Worse, PerformanceFlag.Suppressed, PerformanceFlag.Suppressed], flags);
        Assert.Equal(PerformanceFlag.Worse, FunnelPlot.FlagOf(Clinics()[0], 0, 2, lowerIsBetter: false));
        // φ = 4 doubles the limits: A (−1 vs −0.784) stays better, C (1.5 vs 1.753) becomes as expected.
        Assert.Equal(PerformanceFlag.AsExpected, FunnelPlot.FlagOf(Clinics()[2], 0, 2, phi: 4));
    }

    [Fact]
    public void Suppressed_clinics_are_not_plotted_and_points_are_coloured_by_flag()
    {
        var plot = FunnelPlot.Create(Clinics(), 0, 2);
        var markers = ChartInspect.All<Markers>(plot);
        Assert.Equal(3, markers.Sum(m => m.Data.GetScatterPoints().Count));
        Assert.Equal(["as_expected", "better", "worse"], markers.Select(m => m.LegendText).ToArray());
        Assert.Equal(4, ChartInspect.All<Scatter>(plot).Length);
        Assert.Equal(["target", "95% limits", "99.8% limits", "as_expected", "better", "worse"], ChartInspect.LegendLabels(plot));
        Assert.Contains("number of clients", plot.Axes.Bottom.Label.Text, StringComparison.Ordinal);
        Assert.Contains("2 clinic(s)", Assert.Single(ChartInspect.Notes(plot)), StringComparison.Ordinal);
    }

    [Fact]
    public void Outer_limits_use_99_point_8_percent_coverage()
    {
        var plot = FunnelPlot.Create(Clinics(), 0, 2);
        var outerLow = ChartInspect.All<Scatter>(plot)[2].Data.GetScatterPoints();
        var point = outerLow[0];
        // qnorm(0.999) = 3.090232306167813
        Assert.Equal(-3.090232306167813 * 2 / Math.Sqrt(point.X), point.Y, 10);
    }

    [Fact]
    public void Reads_the_benchmark_table_contract()
    {
        var table = new Results.ResultTable("Benchmark", "clinic_id", "n_clients", "observed", "flag", "suppressed")
            .AddRow("A", 100, -1.0, "better", false)
            .AddRow("B", 50, 0.1, "as_expected", false)
            .AddRow("D", 5, null, "suppressed", true);
        var clinics = FunnelPoint.FromBenchmark(table);
        Assert.Equal(new FunnelPoint("A", 100, -1.0, PerformanceFlag.Better), clinics[0]);
        Assert.Equal(PerformanceFlag.Suppressed, clinics[2].Flag);
        var plot = FunnelPlot.Create(clinics, 0, 2);
        Assert.Equal(2, ChartInspect.All<Markers>(plot).Sum(m => m.Data.GetScatterPoints().Count));
        var bad = new Results.ResultTable("Benchmark", "clinic_id", "n_clients", "observed", "flag").AddRow("X", 20, 0.0, "great");
        Assert.Throws<NmtInputException>(() => FunnelPoint.FromBenchmark(bad));
    }

    [Fact]
    public void No_clinic_left_is_a_clear_input_error()
    {
        var ex = Assert.Throws<NmtInputException>(() => FunnelPlot.Create([new FunnelPoint("D", 5, 3.0)], 0, 2));
        Assert.Equal("no clinics with at least 11 clients to plot.", ex.Message);
        Assert.Throws<NmtInputException>(() => FunnelPlot.Create([], 0, 2));
    }
}
