using Nmt.Analytics.Charts;
using Nmt.Analytics.Statistics;
using Nmt.Analytics.Tests.Outcomes;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Charts;

public class ImmediateChangeChartTests
{
    // Technique "a": 12 clients, changes 0, −1, …, −5 twice; technique "b": 3 clients (suppressed).
    internal static Nmt.Analytics.Data.ColumnTable Sessions()
    {
        var builder = new SessionTableBuilder();
        for (var c = 0; c < 12; c++)
        {
            builder.Add($"a{c}", 1, 8, 8 - (c % 6), techniques: ["a"]);
        }
        for (var c = 0; c < 3; c++)
        {
            builder.Add($"b{c}", 1, 6, 5, techniques: ["b"]);
        }
        return builder.Build();
    }

    [Fact]
    public void Boxes_use_R_type_7_quartiles_and_Tukey_whiskers()
    {
        // R: quantile(rep(0:-5, 2)) → 25% −4, 50% −2.5, 75% −1; whiskers within 1.5 IQR reach −5 and 0.
        var group = Assert.Single(ImmediateChangeChart.Groups(Sessions(), null, 11, out var suppressed));
        Assert.Equal(1, suppressed);
        Assert.Equal(new BoxStats(12, -5, -4, -2.5, -1, 0), group.Box);
        var outlier = BoxStats.Of([1, 2, 3, 4, 100]);
        Assert.Equal(4, outlier.WhiskerHigh);
    }

    [Fact]
    public void Draws_one_box_per_shown_group_with_n_under_the_label()
    {
        var plot = ImmediateChangeChart.Create(Sessions());
        var boxes = Assert.Single(ChartInspect.All<BoxPlot>(plot));
        var box = Assert.Single(boxes.Boxes);
        Assert.Equal(-2.5, box.BoxMiddle);
        var markers = Assert.Single(ChartInspect.All<Markers>(plot));
        Assert.Equal(12, markers.Data.GetScatterPoints().Count);
        Assert.Equal([(0.0, "a\nn = 12 (12 clients)")], ChartInspect.ManualTicks(plot, plot.Axes.Bottom));
        Assert.Contains("NPRS points", plot.Axes.Left.Label.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Jittered_points_are_sampled()
    {
        var plot = ImmediateChangeChart.Create(SessionTableBuilder.Many(30, 4), pointsPerGroup: 10);
        Assert.All(ChartInspect.All<Markers>(plot), m => Assert.Equal(10, m.Data.GetScatterPoints().Count));
    }
}
