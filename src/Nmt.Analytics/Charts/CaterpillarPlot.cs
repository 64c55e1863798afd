using Nmt.Analytics.Results;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// Caterpillar plot: estimates (e.g. empirical-Bayes clinic effects or BLUPs) sorted from lowest to highest, each with
/// its interval, and a dashed reference line at 0. Intervals that exclude 0 are drawn in vermillion. Overlapping
/// intervals are the message: most units cannot be told apart.
/// </summary>
public static class CaterpillarPlot
{
    /// <summary>Sorts rows by estimate (lowest at the top of the chart), ties by label.</summary>
    public static IReadOnlyList<IntervalRow> Sorted(IEnumerable<IntervalRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.OrderBy(r => r.Estimate).ThenBy(r => r.Label, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Builds the plot from a table with columns <paramref name="labelColumn"/>, estimate, ci_low, ci_high.</summary>
    public static Plot Create(ResultTable table, string labelColumn = "label", string effectLabel = "Effect",
        string? unit = "NPRS points", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Create(IntervalRow.FromTable(table, labelColumn, "The caterpillar plot"), effectLabel, unit, title ?? table.Title);
    }

    /// <summary>Builds the plot from rows (not yet saved).</summary>
    /// <param name="rows">Estimates with intervals.</param>
    /// <param name="effectLabel">What an estimate is, e.g. "Clinic effect".</param>
    /// <param name="unit">Unit of the estimates.</param>
    /// <param name="title">Chart title.</param>
    public static Plot Create(IReadOnlyList<IntervalRow> rows, string effectLabel = "Effect", string? unit = "NPRS points", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new NmtInputException("the caterpillar plot has no estimates to plot.");
        }
        var plot = new Plot();
        IntervalRows.Draw(plot, Sorted(rows), 0, r => r.Excludes(0) ? ChartTheme.Vermillion : ChartTheme.Blue);
        ChartTheme.Apply(plot, string.IsNullOrEmpty(title) ? "Estimates with 95% intervals, sorted" : title, ChartTheme.AxisTitle(effectLabel, unit));
        ChartTheme.AddNote(plot, "Vermillion: interval excludes 0", Alignment.LowerRight);
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension), tall enough for every row.</summary>
    public static void Save(IReadOnlyList<IntervalRow> rows, string path, string effectLabel = "Effect", string? unit = "NPRS points")
    {
        ArgumentNullException.ThrowIfNull(rows);
        ChartTheme.Save(Create(rows, effectLabel, unit), path, ChartTheme.DefaultWidth, IntervalRows.Height(rows.Count));
    }
}
