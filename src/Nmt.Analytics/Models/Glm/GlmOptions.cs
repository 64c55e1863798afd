namespace Nmt.Analytics.Models.Glm;

/// <summary>Options of a generalized linear model fit (iteration defaults as R's <c>glm.control()</c>).</summary>
public sealed record GlmOptions
{
    /// <summary>The distribution (default binomial).</summary>
    public GlmFamily Family { get; init; } = GlmFamily.Binomial;

    /// <summary>The link; null for the family's canonical link.</summary>
    public GlmLink? Link { get; init; }

    /// <summary>Confidence level of the Wald intervals (default 0.95).</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Maximum IRLS iterations (R: 25).</summary>
    public int MaxIterations { get; init; } = 25;

    /// <summary>Convergence tolerance on the relative deviance change |D − D_old| / (|D| + 0.1) (R: 1e-8).</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>The model keyword the fit reports (<c>glm</c>; <c>logit</c> when asked for as such).</summary>
    public string ModelName { get; init; } = "glm";
}
