using Nmt.Analytics.Charts;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Tests.Outcomes;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Charts;

public class PainTrajectoryChartTests
{
    // 12 clients of technique "a" (pain_pre = 8 − s + c mod 3) and 5 of technique "b" (suppressed).
    internal static Nmt.Analytics.Data.ColumnTable Sessions()
    {
        var builder = new SessionTableBuilder();
        for (var c = 0; c < 12; c++)
        {
            for (var s = 1; s <= 3; s++)
            {
                builder.Add($"a{c}", s, 8 - s + (c % 3), 4, techniques: ["a"]);
            }
        }
        for (var c = 0; c < 5; c++)
        {
            builder.Add($"b{c}", 1, 6, 4, techniques: ["b"]);
        }
        return builder.Build();
    }

    [Fact]
    public void Cells_have_t_based_intervals_across_clients()
    {
        var cells = PainTrajectoryChart.Cells(Sessions());
        var first = cells.Single(c => c.Group == "a" && c.Session == 1);
        // offsets 0,1,2 four times: mean 1, SD sqrt(8/11); qt(0.975, 11) = 2.200985160082949.
        var half = 2.200985160082949 * Math.Sqrt(8.0 / 11) / Math.Sqrt(12);
        Assert.Equal(12, first.Interval.N);
        Assert.Equal(8.0, first.Interval.Mean, 12);
        Assert.Equal(8.0 - half, first.Interval.CiLow, 9);
        Assert.True(cells.Single(c => c.Group == "b").Suppressed);
    }

    [Fact]
    public void Draws_one_line_and_band_per_shown_group_only()
    {
        var plot = PainTrajectoryChart.Create(Sessions());
        Assert.Equal(["a"], ChartInspect.LegendLabels(plot));
        Assert.Single(ChartInspect.All<FillY>(plot));
        var line = Assert.Single(ChartInspect.All<Scatter>(plot));
        Assert.Equal([8.0, 7.0, 6.0], line.Data.GetScatterPoints().Select(p => p.Y).ToArray());
        Assert.Contains("NPRS", plot.Axes.Left.Label.Text, StringComparison.Ordinal);
        Assert.Equal(PainTrajectoryChart.XTitle, plot.Axes.Bottom.Label.Text);
        Assert.Contains(ChartInspect.Notes(plot), n => n.Contains("fewer than 11 clients", StringComparison.Ordinal) && n.Contains("1 suppressed", StringComparison.Ordinal));
    }

    [Fact]
    public void Client_lines_are_sampled_and_capped()
    {
        var plot = PainTrajectoryChart.Create(Sessions(), clientLines: 5);
        Assert.Equal(6, ChartInspect.All<Scatter>(plot).Length);
        var capped = PainTrajectoryChart.Create(SessionTableBuilder.Many(40, 2), SessionGrouping.Overall, clientLines: 100);
        Assert.Equal(PainTrajectoryChart.MaxClientLines + 1, ChartInspect.All<Scatter>(capped).Length);
    }

    [Fact]
    public void All_cells_suppressed_is_an_input_error()
    {
        var ex = Assert.Throws<NmtInputException>(() => PainTrajectoryChart.Create(Sessions(), minClients: 50));
        Assert.Contains("at least 50 clients", ex.Message, StringComparison.Ordinal);
    }
}
