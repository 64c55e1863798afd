using System.Globalization;
using Nmt.Analytics.Results;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// Permutation feature importance as horizontal bars, largest at the top, with ± 1 standard-error whiskers over the
/// permutation repeats. Importance is the loss in model performance when a feature is shuffled: it describes the
/// model, not causes, and correlated features share (and hide) importance.
/// </summary>
public static class ImportanceChart
{
    /// <summary>The rows (feature, importance, std_error) sorted by importance, largest first.</summary>
    public static IReadOnlyList<(string Feature, double Importance, double StdError)> Sorted(ResultTable importance)
    {
        ChartInputs.RequireColumns(importance, "The importance chart", "feature", "importance", "std_error");
        var features = ChartInputs.Text(importance, "feature");
        var (value, se) = (importance.NumericColumn("importance"), importance.NumericColumn("std_error"));
        return features.Select((f, i) => (f, value[i], se[i]))
            .Where(r => !double.IsNaN(r.Item2))
            .OrderByDescending(r => r.Item2).ThenBy(r => r.f, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Builds the plot (not yet saved).</summary>
    /// <param name="importance">Table with columns feature, importance, std_error.</param>
    /// <param name="metric">What importance measures, e.g. "Increase in RMSE".</param>
    /// <param name="unit">Its unit, e.g. "NPRS points".</param>
    /// <param name="title">Chart title.</param>
    public static Plot Create(ResultTable importance, string metric = "Permutation importance", string? unit = null, string? title = null)
    {
        var rows = Sorted(importance);
        var plot = new Plot();
        var bars = rows.Select((r, i) => new Bar
        {
            Position = rows.Count - 1 - i,
            Value = r.Importance,
            Error = double.IsNaN(r.StdError) ? 0 : r.StdError,
            FillColor = ChartTheme.Blue,
            LineColor = ChartTheme.Ink,
        }).ToArray();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            bars.Select(b => b.Position).ToArray(), rows.Select(r => r.Feature).ToArray());
        var zero = plot.Add.VerticalLine(0);
        zero.LineColor = ChartTheme.Guide;
        ChartTheme.AddNote(plot, "Whiskers: ± 1 SE over permutation repeats", Alignment.LowerRight);
        ChartTheme.Apply(plot, title ?? string.Create(CultureInfo.InvariantCulture, $"Feature importance ({rows.Count} features)"),
            ChartTheme.AxisTitle(metric, unit));
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension).</summary>
    public static void Save(ResultTable importance, string path, string metric = "Permutation importance", string? unit = null) =>
        ChartTheme.Save(Create(importance, metric, unit), path, ChartTheme.DefaultWidth, IntervalRows.Height(Sorted(importance).Count));
}
