using Nmt.Analytics.Charts;
using Nmt.Analytics.Results;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Charts;

public class PartialDependenceChartTests
{
    internal static ResultTable Dependence() => new ResultTable("Partial dependence", "feature", "value", "mean_prediction")
        .AddRow("stress", 8.0, -0.8)
        .AddRow("stress", 0.0, -2.0)
        .AddRow("stress", 4.0, -1.5)
        .AddRow("sleep_hours", 5.0, -1.0)
        .AddRow("sleep_hours", 8.0, -1.8);

    [Fact]
    public void One_sorted_line_per_feature_with_a_rug()
    {
        var plot = PartialDependenceChart.Create(Dependence());
        var lines = ChartInspect.All<Scatter>(plot);
        Assert.Equal(["stress", "sleep_hours"], lines.Select(l => l.LegendText).ToArray());
        Assert.Equal([0.0, 4.0, 8.0], lines[0].Data.GetScatterPoints().Select(p => p.X).ToArray());
        var rugs = ChartInspect.All<Markers>(plot);
        Assert.Equal([3, 2], rugs.Select(r => r.Data.GetScatterPoints().Count).ToArray());
        Assert.All(rugs[0].Data.GetScatterPoints(), p => Assert.True(p.Y < -2.0));
        Assert.Equal("Mean prediction (NPRS points)", plot.Axes.Left.Label.Text);
    }

    [Fact]
    public void Observed_values_make_the_rug_and_features_can_be_chosen()
    {
        var observed = new Dictionary<string, IReadOnlyList<double>> { ["stress"] = [1, 2, 2, 3, 9] };
        var plot = PartialDependenceChart.Create(Dependence(), ["stress"], observed, featureUnit: "0–10");
        Assert.Equal(5, Assert.Single(ChartInspect.All<Markers>(plot)).Data.GetScatterPoints().Count);
        Assert.Equal("stress (0–10)", plot.Axes.Bottom.Label.Text);
        var ex = Assert.Throws<NmtInputException>(() => PartialDependenceChart.Create(Dependence(), ["age"]));
        Assert.Contains("age", ex.Message, StringComparison.Ordinal);
    }
}
