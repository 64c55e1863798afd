namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// One column of the case-mix design: the intercept, a numeric covariate, or the indicator of one level of a
/// categorical covariate. Shared summaries keep one indicator per level (reference included), so that summaries
/// with different observed levels can be aligned by zero-padding; the reference level is dropped only at fit time.
/// </summary>
/// <param name="Variable">Covariate name, e.g. <c>region</c>, or <c>(Intercept)</c>.</param>
/// <param name="Level">The level of a categorical covariate; null for the intercept and numeric covariates.</param>
public sealed record CaseMixColumn(string Variable, string? Level)
{
    /// <summary>The level used for a missing categorical value (indicator approach).</summary>
    public const string MissingLevel = "(missing)";

    /// <summary>The term name in R's convention: <c>(Intercept)</c>, <c>stress</c>, <c>regioncervical</c>.</summary>
    public string Term => Level is null ? Variable : Variable + Level;
}
