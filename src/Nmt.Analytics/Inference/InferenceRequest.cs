namespace Nmt.Analytics.Inference;

/// <summary>The inference asked for after a fit (the CLI's <c>--emmeans</c>, <c>--pairwise</c>, <c>--adjust</c>, <c>--anova</c>).</summary>
/// <param name="Emmeans">Factor (or <c>a:b</c>) whose estimated marginal means are wanted, or null.</param>
/// <param name="Pairwise">Compare every pair of those means.</param>
/// <param name="Adjust">Multiplicity adjustment of the pairwise p-values (tukey, holm, bonferroni, none); null = tukey.</param>
/// <param name="Anova">ANOVA type (2 or 3), or null.</param>
public sealed record InferenceRequest(string? Emmeans = null, bool Pairwise = false, string? Adjust = null, int? Anova = null)
{
    /// <summary>True when anything was asked for.</summary>
    public bool Any => Emmeans is not null || Pairwise || Adjust is not null || Anova is not null;
}
