namespace Nmt.Analytics.Models;

/// <summary>What <c>nmt fit</c> (or any caller) asks <see cref="ModelFitter.Fit"/> to fit; option names as in docs/cli.md.</summary>
public sealed record FitRequest
{
    /// <summary>The model formula in R/lme4 syntax.</summary>
    public required string Formula { get; init; }

    /// <summary><c>ols</c> (default), <c>lmm</c>, <c>logit</c>, <c>glm</c> or <c>glmm</c>.</summary>
    public string Model { get; init; } = "ols";

    /// <summary>GLM family: <c>binomial</c> (default), <c>poisson</c> or <c>gaussian</c>.</summary>
    public string? Family { get; init; }

    /// <summary>GLM link; null for the family's canonical link.</summary>
    public string? Link { get; init; }

    /// <summary>Cluster column for CR1 standard errors (OLS), or null.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>hc0</c>, <c>hc1</c> or <c>hc3</c> (OLS), or null for classical standard errors.</summary>
    public string? Robust { get; init; }

    /// <summary>LMM: maximum likelihood instead of REML.</summary>
    public bool MaximumLikelihood { get; init; }

    /// <summary>Confidence level of the intervals.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>A second formula to compare with by a likelihood-ratio test (ols, lmm; lme4's <c>anova(m1, m2)</c>), or null.</summary>
    public string? Compare { get; init; }

    /// <summary>
    /// The rows the model is fitted on: <c>session</c> (default, one row per session) or <c>episode</c> (one row per
    /// client: first_pain_pre, last_pain_post, episode_change, …; the ANCOVA of Vickers &amp; Altman 2001).
    /// </summary>
    public string Level { get; init; } = "session";

    /// <summary>GLMM: quadrature points; 1 = Laplace (glmer's default), more = adaptive Gauss–Hermite for one scalar random effect.</summary>
    public int Nagq { get; init; } = 1;

    /// <summary>Marginal means, contrasts and ANOVA asked for after the fit, or null.</summary>
    public Inference.InferenceRequest? Inference { get; init; }
}
