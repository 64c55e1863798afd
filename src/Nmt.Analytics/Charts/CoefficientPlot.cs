using Nmt.Analytics.Models;
using Nmt.Analytics.Results;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// Coefficient plot of a fitted model: each term's estimate as a point with its confidence interval, a dashed line
/// at zero (no effect), and the term names (R naming) on the left. The intercept is left out by default because it
/// is on a different scale from the effects.
/// </summary>
public static class CoefficientPlot
{
    /// <summary>The intercept's term name.</summary>
    public const string Intercept = "(Intercept)";

    /// <summary>The rows that will be drawn (in table order, intercept dropped unless asked for).</summary>
    public static IReadOnlyList<IntervalRow> Rows(ResultTable coefficients, bool includeIntercept = false)
    {
        var rows = IntervalRow.FromTable(coefficients, "term", "The coefficient plot");
        return includeIntercept ? rows : rows.Where(r => r.Label != Intercept).ToArray();
    }

    /// <summary>Builds the plot (not yet saved).</summary>
    /// <param name="coefficients">Tidy coefficients with columns term, estimate, ci_low, ci_high.</param>
    /// <param name="includeIntercept">Draw the (Intercept) row too.</param>
    /// <param name="effectLabel">What an estimate is, e.g. "Effect on pain change".</param>
    /// <param name="unit">Unit of the estimates, e.g. "NPRS points".</param>
    /// <param name="title">Chart title; defaults to the table's title.</param>
    public static Plot Create(ResultTable coefficients, bool includeIntercept = false, string effectLabel = "Estimate",
        string? unit = "NPRS points", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        return Draw(Rows(coefficients, includeIntercept), title ?? $"{coefficients.Title} (95% CI)", effectLabel, unit);
    }

    /// <summary>Builds the plot from a fitted model's typed coefficients (any <see cref="IModelFit"/>).</summary>
    public static Plot Create(IModelFit fit, bool includeIntercept = false, string effectLabel = "Estimate", string? unit = "NPRS points", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var rows = IntervalRow.FromTerms(fit.Coefficients).Where(r => includeIntercept || r.Label != Intercept).ToArray();
        return Draw(rows, title ?? $"Coefficients of {fit.Formula} (95% CI)", effectLabel, unit);
    }

    private static Plot Draw(IReadOnlyList<IntervalRow> rows, string title, string effectLabel, string? unit)
    {
        if (rows.Count == 0)
        {
            throw new NmtInputException("the coefficient table has no terms to plot besides (Intercept); pass includeIntercept to show it.");
        }
        var plot = new Plot();
        IntervalRows.Draw(plot, rows, 0, r => r.Excludes(0) ? ChartTheme.Vermillion : ChartTheme.Blue);
        ChartTheme.Apply(plot, title, ChartTheme.AxisTitle(effectLabel, unit));
        ChartTheme.AddNote(plot, "Vermillion: interval excludes 0", Alignment.LowerRight);
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension), tall enough for every term.</summary>
    public static void Save(ResultTable coefficients, string path, bool includeIntercept = false, string effectLabel = "Estimate",
        string? unit = "NPRS points") =>
        ChartTheme.Save(Create(coefficients, includeIntercept, effectLabel, unit), path, ChartTheme.DefaultWidth,
            IntervalRows.Height(Rows(coefficients, includeIntercept).Count));
}
