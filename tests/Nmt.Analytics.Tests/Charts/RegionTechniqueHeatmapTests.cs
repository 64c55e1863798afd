using Nmt.Analytics.Charts;
using Nmt.Analytics.Tests.Outcomes;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Charts;

public class RegionTechniqueHeatmapTests
{
    // lumbar × a: 12 clients, change −2; cervical × a: 3 clients (suppressed); cervical × b: 12 clients, change −1.
    internal static Nmt.Analytics.Data.ColumnTable Sessions()
    {
        var builder = new SessionTableBuilder();
        for (var c = 0; c < 12; c++)
        {
            builder.Add($"l{c}", 1, 6, 4, region: "lumbar", techniques: ["a"]);
            builder.Add($"c{c}", 1, 6, 5, region: "cervical", techniques: ["b"]);
        }
        for (var c = 0; c < 3; c++)
        {
            builder.Add($"s{c}", 1, 6, 0, region: "cervical", techniques: ["a"]);
        }
        return builder.Build();
    }

    [Fact]
    public void Cells_are_suppressed_under_the_minimum()
    {
        var cells = RegionTechniqueHeatmap.Cells(Sessions());
        Assert.Equal(3, cells.Count);
        Assert.True(cells.Single(c => c.Region == "cervical" && c.Technique == "a").Suppressed);
        Assert.Equal(-2, cells.Single(c => c.Region == "lumbar").MeanChange);
    }

    [Fact]
    public void Suppressed_cell_is_blank_and_marked()
    {
        var plot = RegionTechniqueHeatmap.Create(Sessions());
        var heatmap = Assert.Single(ChartInspect.All<Heatmap>(plot));
        // Row 0 (top) = cervical, row 1 = lumbar; column 0 = a, column 1 = b.
        Assert.True(double.IsNaN(heatmap.Intensities[0, 0]));
        Assert.Equal(-1, heatmap.Intensities[0, 1]);
        Assert.Equal(-2, heatmap.Intensities[1, 0]);
        Assert.True(double.IsNaN(heatmap.Intensities[1, 1]));
        // Only the two shown cells are filled: (b, cervical) at (1, 1) and (a, lumbar) at (0, 0).
        var filled = ChartInspect.All<Rectangle>(plot).Select(r => (r.X1 + 0.5, r.Y1 + 0.5)).Order().ToArray();
        Assert.Equal([(0.0, 0.0), (1.0, 1.0)], filled);
        var texts = ChartInspect.All<Text>(plot).Select(t => t.LabelText).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["-1.0\nn = 12", "-2.0\nn = 12", RegionTechniqueHeatmap.SuppressedMarker], texts);
        Assert.Equal([(1.0, "cervical"), (0.0, "lumbar")], ChartInspect.ManualTicks(plot, plot.Axes.Left));
        Assert.Equal([(0.0, "a"), (1.0, "b")], ChartInspect.ManualTicks(plot, plot.Axes.Bottom));
        Assert.Contains("NPRS points", RegionTechniqueHeatmap.ScaleTitle, StringComparison.Ordinal);
    }
}
