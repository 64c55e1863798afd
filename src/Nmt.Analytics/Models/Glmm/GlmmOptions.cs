namespace Nmt.Analytics.Models.Glmm;

/// <summary>Options of <see cref="GeneralizedLinearMixedModel"/>.</summary>
public sealed record GlmmOptions
{
    /// <summary>Response distribution (binomial 0/1 or Poisson counts).</summary>
    public GlmmFamily Family { get; init; } = GlmmFamily.Binomial;

    /// <summary>Quadrature points: 1 = Laplace (glmer's default); more = adaptive Gauss–Hermite for one scalar random effect.</summary>
    public int Nagq { get; init; } = 1;

    /// <summary>
    /// Relative change of the penalized deviance at which penalized IRLS stops (glmer's <c>tolPwrss</c>, default 1e-7,
    /// so results match glmer's defaults); 1e-10 or below gives the exact Laplace/AGQ deviance.
    /// </summary>
    public double PirlsTolerance { get; init; } = 1e-7;

    /// <summary>Confidence level of the Wald intervals.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
