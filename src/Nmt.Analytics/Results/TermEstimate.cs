namespace Nmt.Analytics.Results;

/// <summary>
/// One coefficient of a fitted model, as broom's <c>tidy()</c> reports it.
/// </summary>
/// <param name="Term">Term name in R's convention, e.g. <c>(Intercept)</c>, <c>regionlumbar</c>, <c>session:stress</c>.</param>
/// <param name="Estimate">Point estimate.</param>
/// <param name="StdError">Standard error.</param>
/// <param name="Statistic">Test statistic (t or z).</param>
/// <param name="Df">Degrees of freedom of the statistic (<see cref="double.PositiveInfinity"/> for z).</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="CiLow">Lower confidence limit.</param>
/// <param name="CiHigh">Upper confidence limit.</param>
public sealed record TermEstimate(
    string Term, double Estimate, double StdError, double Statistic, double Df, double PValue, double CiLow, double CiHigh)
{
    /// <summary>The snake_case column names of the tidy coefficient table (the fit JSON contract).</summary>
    public static readonly string[] ColumnNames = ["term", "estimate", "std_error", "statistic", "df", "p_value", "ci_low", "ci_high"];

    /// <summary>Builds the tidy coefficient table.</summary>
    public static ResultTable ToTable(string title, IEnumerable<TermEstimate> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var table = new ResultTable(title, ColumnNames);
        foreach (var t in terms)
        {
            table.AddRow(t.Term, t.Estimate, t.StdError, t.Statistic, double.IsPositiveInfinity(t.Df) ? null : t.Df, t.PValue, t.CiLow, t.CiHigh);
        }
        return table;
    }
}
