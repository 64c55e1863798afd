using Nmt.Analytics.Charts;
using Nmt.Analytics.Results;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Charts;

public class CaterpillarPlotTests
{
    internal static ResultTable Effects() => new ResultTable("Clinic effects (BLUP)", "label", "estimate", "ci_low", "ci_high")
        .AddRow("c2", 0.8, 0.2, 1.4)
        .AddRow("c1", -0.5, -1.2, 0.2)
        .AddRow("c3", 0.1, -0.6, 0.8);

    [Fact]
    public void Rows_are_sorted_lowest_at_the_top()
    {
        var plot = CaterpillarPlot.Create(Effects());
        Assert.Equal([(2.0, "c1"), (1.0, "c3"), (0.0, "c2")], ChartInspect.ManualTicks(plot, plot.Axes.Left));
        Assert.Equal(3, ChartInspect.All<Marker>(plot).Length);
        var whiskers = ChartInspect.All<LinePlot>(plot);
        Assert.Equal(3, whiskers.Length);
        Assert.Equal(ChartTheme.Vermillion, whiskers[2].LineColor);
        Assert.Equal(ChartTheme.Blue, whiskers[0].LineColor);
        Assert.Equal(0, Assert.Single(ChartInspect.All<VerticalLine>(plot)).X);
        Assert.Equal("Effect (NPRS points)", plot.Axes.Bottom.Label.Text);
    }

    [Fact]
    public void Other_label_columns_and_empty_input()
    {
        var table = new ResultTable("BLUPs", "level", "estimate", "ci_low", "ci_high").AddRow("k1", 0.3, double.NaN, double.NaN);
        var plot = CaterpillarPlot.Create(table, labelColumn: "level");
        Assert.Empty(ChartInspect.All<LinePlot>(plot));
        Assert.Throws<NmtInputException>(() => CaterpillarPlot.Create(Array.Empty<IntervalRow>()));
        Assert.Throws<NmtInputException>(() => CaterpillarPlot.Create(table));
    }
}
