namespace Nmt.Analytics.Models.Glmm;

/// <summary>Options of <see cref="GeneralizedLinearMixedModel"/>.</summary>
public sealed record GlmmOptions
{
    /// <summary>Response distribution (binomial 0/1 or Poisson counts).</summary>
    public GlmmFamily Family { get; init; } = GlmmFamily.Binomial;

    /// <summary>Quadrature points: 1 = Laplace (glmer's default); more = adaptive Gauss–Hermite for one scalar random effect.</summary>
    public int Nagq { get; init; } = 1;

    /// <summary>Confidence level of the Wald intervals.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
