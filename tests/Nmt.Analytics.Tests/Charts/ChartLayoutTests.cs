using Nmt.Analytics.Charts;
using ScottPlot;

namespace Nmt.Analytics.Tests.Charts;

public class ChartLayoutTests
{
    private static readonly string[] Techniques =
    [
        "induration", "init", "ischemic_compression", "muscle_energy", "other", "positional_release", "soft_tissue_release",
        "stacking", "strain_counterstrain",
    ];

    private static Plot Categories(IReadOnlyList<string> labels)
    {
        var plot = new Plot();
        plot.Add.Bars(labels.Select((_, i) => (double)i + 1).ToArray());
        ChartTheme.CategoryTicksBottom(plot, labels);
        ChartTheme.Apply(plot, "Categories", "Technique", "Value (units)");
        return plot;
    }

    [Fact]
    public void Long_category_labels_are_tilted_with_room_below_and_left()
    {
        var plot = Categories(Techniques);
        var unrotatedBottom = plot.Axes.Bottom.MinimumSize;
        ChartTheme.ToPng(plot, 900, 560);
        var style = plot.Axes.Bottom.TickLabelStyle;
        Assert.Equal(-ChartTheme.CategoryLabelRotation, style.Rotation);
        Assert.Equal(Alignment.UpperRight, style.Alignment);
        // "ischemic_compression" at 17 px is ~190 px wide: tilted by 35° it needs > 100 px under the axis.
        Assert.True(plot.Axes.Bottom.MinimumSize > 100 && plot.Axes.Bottom.MinimumSize > unrotatedBottom, $"bottom {plot.Axes.Bottom.MinimumSize}");
        Assert.True(plot.Axes.Left.MinimumSize > 0);
    }

    [Fact]
    public void Crowded_two_line_labels_tilt_further()
    {
        var labels = Enumerable.Range(0, 11).Select(i => $"region_{i}\nn = 1049 (157 clients)").ToArray();
        var plot = Categories(labels);
        ChartTheme.ToPng(plot, 900, 560);
        Assert.InRange(-plot.Axes.Bottom.TickLabelStyle.Rotation, ChartTheme.CategoryLabelRotation + 1, 60);
    }

    [Fact]
    public void Short_category_labels_stay_horizontal()
    {
        var plot = Categories(["a", "b", "c"]);
        ChartTheme.ToPng(plot, 900, 560);
        Assert.Equal(0, plot.Axes.Bottom.TickLabelStyle.Rotation);
        Assert.Equal(0, plot.Axes.Bottom.MinimumSize);
    }

    [Fact]
    public void Category_charts_tilt_their_technique_labels()
    {
        // Three groups fit side by side at 900 px but not at 420 px.
        var plot = ImmediateChangeChart.Create(Outcomes.SessionTableBuilder.Many(30, 4));
        ChartTheme.ToPng(plot, 900, 560);
        Assert.Equal(0, plot.Axes.Bottom.TickLabelStyle.Rotation);
        ChartTheme.ToPng(plot, 420, 400);
        Assert.Equal(-ChartTheme.CategoryLabelRotation, plot.Axes.Bottom.TickLabelStyle.Rotation);
    }

    [Fact]
    public void Long_titles_shrink_to_fit_but_not_below_the_minimum()
    {
        var plot = Categories(["a", "b"]);
        plot.Title("A very long chart title that cannot possibly fit on a small export of the chart at all", ChartTheme.TitleFontSize);
        ChartTheme.ToPng(plot, 600, 400);
        Assert.InRange(plot.Axes.Title.Label.FontSize, TextFitLayout.MinimumFontSize, ChartTheme.TitleFontSize - 1);
        var fits = Categories(["a", "b"]);
        ChartTheme.ToPng(fits, 900, 560);
        Assert.Equal(ChartTheme.TitleFontSize, fits.Axes.Title.Label.FontSize);
        Assert.Equal(ChartTheme.AxisLabelFontSize, fits.Axes.Left.Label.FontSize);
    }

    [Fact]
    public void Notes_wrap_at_spaces_and_keep_line_breaks()
    {
        Assert.Equal("aaa bbb\nccc", ChartTheme.Wrap("aaa bbb ccc", 8));
        Assert.Equal("one\ntwo three", ChartTheme.Wrap("one\ntwo three", 20));
        Assert.Equal("unbreakable_word", ChartTheme.Wrap("unbreakable_word", 5));
    }

    [Fact]
    public void Heatmap_cell_text_contrasts_with_its_fill()
    {
        Assert.Equal(Colors.White, RegionTechniqueHeatmap.TextColorOn(Color.FromHex("#1B1F4B")));
        Assert.Equal(ChartTheme.Ink, RegionTechniqueHeatmap.TextColorOn(Color.FromHex("#D9DDE0")));
    }
}
