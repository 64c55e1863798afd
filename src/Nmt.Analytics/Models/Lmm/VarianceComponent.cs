namespace Nmt.Analytics.Models.Lmm;

/// <summary>The variance of one random-effect term (lme4's <c>VarCorr</c>).</summary>
/// <param name="Group">Grouping factor as lme4 names it (a repeated factor from <c>||</c> gets <c>.1</c>, <c>.2</c>, ...).</param>
/// <param name="Term">Term, e.g. <c>(Intercept)</c> or <c>session</c>.</param>
/// <param name="Variance">Estimated variance.</param>
/// <param name="StdDev">Its square root.</param>
public sealed record VarianceComponent(string Group, string Term, double Variance, double StdDev);
