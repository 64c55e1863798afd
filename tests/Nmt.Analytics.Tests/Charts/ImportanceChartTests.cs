using Nmt.Analytics.Charts;
using Nmt.Analytics.Results;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Charts;

public class ImportanceChartTests
{
    internal static ResultTable Importance() => new ResultTable("Permutation importance", "feature", "importance", "std_error")
        .AddRow("stress", 0.10, 0.02)
        .AddRow("pain_pre", 0.55, 0.05)
        .AddRow("sleep_hours", 0.02, 0.01);

    [Fact]
    public void Bars_are_sorted_largest_at_the_top_with_se_whiskers()
    {
        var plot = ImportanceChart.Create(Importance(), "Increase in RMSE", "NPRS points");
        var bars = Assert.Single(ChartInspect.All<BarPlot>(plot));
        Assert.All(bars.Bars, b => Assert.Equal(ScottPlot.Orientation.Horizontal, b.Orientation));
        Assert.Equal([2.0, 1.0, 0.0], bars.Bars.Select(b => b.Position).ToArray());
        Assert.Equal([0.55, 0.10, 0.02], bars.Bars.Select(b => b.Value).ToArray());
        Assert.Equal([0.05, 0.02, 0.01], bars.Bars.Select(b => b.Error).ToArray());
        Assert.Equal([(2.0, "pain_pre"), (1.0, "stress"), (0.0, "sleep_hours")], ChartInspect.ManualTicks(plot, plot.Axes.Left));
        Assert.Equal("Increase in RMSE (NPRS points)", plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void Wrong_table_shape_is_an_input_error()
    {
        var ex = Assert.Throws<NmtInputException>(() => ImportanceChart.Create(new ResultTable("x", "feature", "importance")));
        Assert.Contains("std_error", ex.Message, StringComparison.Ordinal);
    }
}
