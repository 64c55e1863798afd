using Nmt.Analytics.Models.Optimization;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>Settings of a linear mixed-model fit.</summary>
public sealed record LmmOptions
{
    /// <summary>Estimate by restricted maximum likelihood (lme4's default); false for maximum likelihood.</summary>
    public bool Reml { get; init; } = true;

    /// <summary>Confidence level of the fixed-effect intervals (Wald t with Satterthwaite df).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Compute Satterthwaite degrees of freedom (lmerTest); if false, df is ∞ and tests/intervals are normal (z).</summary>
    public bool Satterthwaite { get; init; } = true;

    /// <summary>
    /// Upper limit on the random effects of all grouping factors except the one with most levels (their block of the
    /// Cholesky factor is dense). The largest grouping factor may have any number of levels.
    /// </summary>
    public int MaxSecondaryRandomEffects { get; init; } = 2000;

    /// <summary>A diagonal element of θ below this marks a singular fit (lme4's <c>isSingular</c> tolerance).</summary>
    public double SingularTolerance { get; init; } = 1e-4;

    /// <summary>The coarse bounded search over θ (Nelder–Mead by default, or BOBYQA as lme4).</summary>
    public CoarseOptimizer CoarseOptimizer { get; init; } = CoarseOptimizer.NelderMead;

    /// <summary>
    /// Settings of the coarse Nelder–Mead stage over θ (its evaluation limit also bounds BOBYQA); a projected Newton polish then takes the deviance to its
    /// optimum (gradient below 1e-4).
    /// </summary>
    public NelderMeadSettings Optimizer { get; init; } = new() { FunctionTolerance = 1e-7, ParameterTolerance = 1e-3, MaxRestarts = 0 };
}
