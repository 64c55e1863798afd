using Nmt.Analytics.Charts;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;
using ScottPlot;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Evidence;

/// <summary>The forest plot's structure, inspected on the ScottPlot object (not pixels).</summary>
public class ForestPlotTests
{
    private static MetaAnalysisResult Bcg(Tau2Method method) => MetaAnalysis.Fit(
        EffectSizeCalculator.Compute(StudyTableReader.ReadFile(Reference.PathOf("bcg.csv")), EffectMeasure.RiskRatio),
        new MetaAnalysisOptions { Method = method });

    [Fact]
    public void Has_a_square_and_a_ci_line_per_study_a_diamond_a_prediction_line_and_a_null_line()
    {
        var result = Bcg(Tau2Method.Reml);
        var plot = ForestPlot.Create(result);
        var plottables = plot.GetPlottables().ToList();
        var markers = plottables.OfType<Marker>().ToList();
        Assert.Equal(13, markers.Count);
        Assert.All(markers, m => Assert.Equal(MarkerShape.FilledSquare, m.MarkerShape));
        Assert.Equal(13 + 1, plottables.OfType<LinePlot>().Count()); // 13 CIs + prediction interval
        Assert.Single(plottables.OfType<Polygon>());
        Assert.Single(plottables.OfType<VerticalLine>());
        var biggest = markers.MaxBy(m => m.MarkerSize)!;
        Assert.Equal(result.Effects.Studies[result.Weights.ToList().IndexOf(result.Weights.Max())].Yi, biggest.Location.X, 12);
    }

    [Fact]
    public void Labels_studies_on_the_left_axis_and_titles_the_ratio_axis()
    {
        var plot = ForestPlot.Create(Bcg(Tau2Method.Reml));
        plot.RenderInMemory(1200, 900); // tick generators fill their Ticks when laid out
        var ticks = plot.Axes.Left.TickGenerator.Ticks.Select(t => t.Label).ToList();
        Assert.Contains("Aronson 1948", ticks);
        Assert.Contains("Pooled (REML)", ticks);
        Assert.Contains("95% prediction interval", ticks);
        Assert.Equal("Risk ratio (log scale)", plot.Axes.Bottom.Label.Text);
        Assert.Contains(plot.Axes.Bottom.TickGenerator.Ticks, t => t.Label == "1" && Math.Abs(t.Position) < 1e-12);
    }

    [Fact]
    public void Fixed_effect_plots_have_no_prediction_interval()
    {
        var plot = ForestPlot.Create(Bcg(Tau2Method.FixedEffect));
        Assert.Equal(13, plot.GetPlottables().OfType<LinePlot>().Count());
    }

    [Fact]
    public void Saves_png_and_svg_and_refuses_other_extensions()
    {
        var result = Bcg(Tau2Method.Reml);
        var dir = Directory.CreateTempSubdirectory("nmt-forest");
        try
        {
            ForestPlot.Save(result, Path.Combine(dir.FullName, "f.png"));
            ForestPlot.Save(result, Path.Combine(dir.FullName, "f.svg"));
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(Path.Combine(dir.FullName, "f.png")).Take(4));
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir.FullName, "f.svg")), StringComparison.Ordinal);
            Assert.Throws<NmtInputException>(() => ForestPlot.Save(result, Path.Combine(dir.FullName, "f.jpg")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Theme_palette_is_okabe_ito()
    {
        Assert.Equal(8, ChartTheme.Palette.Count);
        Assert.Equal(Color.FromHex("#0072B2"), ChartTheme.Series(0));
        Assert.Equal(ChartTheme.Series(0), ChartTheme.Series(8));
        Assert.Equal("Pain change (NPRS points)", ChartTheme.AxisTitle("Pain change", "NPRS points"));
    }
}
