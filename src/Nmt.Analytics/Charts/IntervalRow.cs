using Nmt.Analytics.Results;

namespace Nmt.Analytics.Charts;

/// <summary>One labelled estimate with its interval, as drawn by <see cref="CoefficientPlot"/> and <see cref="CaterpillarPlot"/>.</summary>
/// <param name="Label">Term, clinic or level name.</param>
/// <param name="Estimate">Point estimate.</param>
/// <param name="CiLow">Lower interval limit (NaN when unknown: no whisker drawn).</param>
/// <param name="CiHigh">Upper interval limit.</param>
public sealed record IntervalRow(string Label, double Estimate, double CiLow, double CiHigh)
{
    /// <summary>True when the interval is known and lies entirely on one side of <paramref name="reference"/>.</summary>
    public bool Excludes(double reference) => CiLow > reference || CiHigh < reference;

    /// <summary>Reads rows from a tidy table with columns <paramref name="labelColumn"/>, estimate, ci_low, ci_high.</summary>
    /// <exception cref="NmtInputException">A column is missing or the table is empty.</exception>
    public static IReadOnlyList<IntervalRow> FromTable(ResultTable table, string labelColumn, string chart)
    {
        ChartInputs.RequireColumns(table, chart, labelColumn, OutputNames.Estimate, OutputNames.CiLow, OutputNames.CiHigh);
        var labels = ChartInputs.Text(table, labelColumn);
        var (estimate, low, high) = (table.NumericColumn(OutputNames.Estimate), table.NumericColumn(OutputNames.CiLow), table.NumericColumn(OutputNames.CiHigh));
        return labels.Select((label, i) => new IntervalRow(label, estimate[i], low[i], high[i]))
            .Where(r => !double.IsNaN(r.Estimate)).ToArray();
    }

    /// <summary>Rows from typed coefficients (term as label; aliased NaN estimates left out).</summary>
    public static IReadOnlyList<IntervalRow> FromTerms(IEnumerable<TermEstimate> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.Where(t => !double.IsNaN(t.Estimate)).Select(t => new IntervalRow(t.Term, t.Estimate, t.CiLow, t.CiHigh)).ToArray();
    }
}
