namespace Nmt.Analytics.Cli.Commands;

/// <summary>What <c>nmt fit</c> was asked to do.</summary>
/// <param name="Formula">The model formula.</param>
/// <param name="Model"><c>ols</c>, <c>lmm</c> or <c>logit</c>.</param>
/// <param name="Cluster">Cluster column for CR1 standard errors (OLS), or null.</param>
/// <param name="Robust"><c>hc1</c> or <c>hc3</c> (OLS), or null for classical.</param>
/// <param name="MaximumLikelihood">LMM: ML instead of REML.</param>
/// <param name="Level">Confidence level of the intervals.</param>
/// <param name="Family">GLMM family (binomial or poisson).</param>
/// <param name="Nagq">GLMM quadrature points (1 = Laplace).</param>
/// <param name="Inference">Marginal means, contrasts and ANOVA asked for after the fit, or null.</param>
internal sealed record FitRequest(string Formula, string Model = "ols", string? Cluster = null, string? Robust = null, bool MaximumLikelihood = false, double Level = 0.95,
    Nmt.Analytics.Inference.InferenceRequest? Inference = null, string? Family = null, int Nagq = 1);
