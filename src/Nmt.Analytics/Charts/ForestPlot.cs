using System.Globalization;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// Forest plot of a meta-analysis: each study as a square sized by its weight with its 95 % CI, the pooled estimate
/// as a diamond spanning its CI, the prediction interval as a line beneath it, and a dashed line at no effect.
/// Study labels sit on the left axis; ratio measures are drawn on a log axis labelled with ratios.
/// </summary>
public static class ForestPlot
{
    /// <summary>Builds the plot (not yet saved).</summary>
    /// <param name="result">The fitted meta-analysis.</param>
    /// <param name="title">Chart title; defaults to the measure and method.</param>
    /// <param name="effectLabel">What the effect is, e.g. "Pain, technique − control"; units are added for MD.</param>
    /// <param name="unit">Unit of a mean difference, e.g. "NPRS points".</param>
    public static Plot Create(MetaAnalysisResult result, string? title = null, string? effectLabel = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var k = result.K;
        var positions = new List<double>();
        var labels = new List<string>();
        var z = 1.959963984540054;
        var maxWeight = result.Weights.Max();
        for (var i = 0; i < k; i++)
        {
            var s = result.Effects.Studies[i];
            var y = k - i + 2.0;
            var half = z * Math.Sqrt(s.Vi);
            var ci = plot.Add.Line(s.Yi - half, y, s.Yi + half, y);
            ci.LineWidth = 2;
            ci.LineColor = ChartTheme.Ink;
            var size = 8 + (18 * (float)Math.Sqrt(result.Weights[i] / maxWeight));
            plot.Add.Marker(s.Yi, y, MarkerShape.FilledSquare, size, ChartTheme.Blue);
            positions.Add(y);
            labels.Add(s.Study);
        }
        AddPooled(plot, result, positions, labels);
        var nullLine = plot.Add.VerticalLine(0);
        nullLine.LineColor = ChartTheme.Guide;
        nullLine.LinePattern = LinePattern.Dashed;
        nullLine.LineWidth = 2;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions.ToArray(), labels.ToArray());
        plot.Axes.SetLimitsY(-0.8, k + 2.8);
        if (result.Measure.IsRatio())
        {
            plot.Axes.Bottom.TickGenerator = RatioTicks(result);
        }
        ChartTheme.Apply(plot, title ?? DefaultTitle(result), XTitle(result, effectLabel, unit));
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension).</summary>
    public static void Save(MetaAnalysisResult result, string path, string? title = null, string? effectLabel = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var height = Math.Max(ChartTheme.DefaultHeight / 2, 120 + (int)(48 * (result.K + 3)));
        ChartTheme.Save(Create(result, title, effectLabel, unit), path, ChartTheme.DefaultWidth, height);
    }

    /// <summary>The x-axis title: measure, with units for MD and "(log scale)" for ratios.</summary>
    public static string XTitle(MetaAnalysisResult result, string? effectLabel = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = effectLabel ?? Capitalize(result.Measure.Describe());
        return result.Measure switch
        {
            EffectMeasure.MeanDifference => ChartTheme.AxisTitle(name, unit ?? "outcome units"),
            EffectMeasure.StandardizedMeanDifference => ChartTheme.AxisTitle(name, "SD units"),
            EffectMeasure.RiskRatio or EffectMeasure.OddsRatio => ChartTheme.AxisTitle(name, "log scale"),
            _ => ChartTheme.AxisTitle(name, unit),
        };
    }

    private static void AddPooled(Plot plot, MetaAnalysisResult result, List<double> positions, List<string> labels)
    {
        const double y = 1.2;
        Coordinates[] diamond =
        [
            new(result.CiLow, y), new(result.Estimate, y + 0.4), new(result.CiHigh, y), new(result.Estimate, y - 0.4),
        ];
        var polygon = plot.Add.Polygon(diamond);
        polygon.FillColor = ChartTheme.Vermillion;
        polygon.LineColor = ChartTheme.Ink;
        positions.Add(y);
        labels.Add($"Pooled ({result.Options.MethodCode})");
        if (!double.IsNaN(result.PiLow))
        {
            var pi = plot.Add.Line(result.PiLow, 0, result.PiHigh, 0);
            pi.LineWidth = 4;
            pi.LineColor = ChartTheme.Vermillion;
            positions.Add(0);
            labels.Add("95% prediction interval");
        }
    }

    private static ScottPlot.TickGenerators.NumericManual RatioTicks(MetaAnalysisResult result)
    {
        double[] candidates = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]; // 1-2-5 steps: evenly spread on a log axis
        var lows = result.Effects.Studies.Select(s => s.Yi - (2 * Math.Sqrt(s.Vi))).Append(result.PiLow).Where(double.IsFinite);
        var highs = result.Effects.Studies.Select(s => s.Yi + (2 * Math.Sqrt(s.Vi))).Append(result.PiHigh).Where(double.IsFinite);
        var (low, high) = (Math.Min(lows.Min(), 0), Math.Max(highs.Max(), 0));
        var ticks = candidates.Where(c => Math.Log(c) >= low && Math.Log(c) <= high).ToArray();
        return new ScottPlot.TickGenerators.NumericManual(
            ticks.Select(t => Math.Log(t)).ToArray(), ticks.Select(t => t.ToString("0.##", CultureInfo.InvariantCulture)).ToArray());
    }

    private static string DefaultTitle(MetaAnalysisResult result) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Capitalize(result.Measure.Describe())}: k = {result.K}, I² = {result.I2:0}%");

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
