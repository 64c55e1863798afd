using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// Funnel-plot control limits for comparing units of different size against a common target
/// (Spiegelhalter 2005, "Funnel plots for comparing institutional performance", Stat Med 24:1185–1202).
/// For a mean outcome with unit-level SD σ, the limits at coverage 1 − α are θ₀ ± z_{1−α/2}·σ·√φ/√n,
/// where φ ≥ 1 is an optional multiplicative overdispersion factor.
/// </summary>
public static class FunnelLimits
{
    /// <summary>The customary inner (warning) coverage: 95 %.</summary>
    public const double Inner = 0.95;

    /// <summary>The customary outer (alarm) coverage: 99.8 %.</summary>
    public const double Outer = 0.998;

    /// <summary>The two-sided normal quantile for a coverage, e.g. 1.96 for 0.95 and 3.09 for 0.998.</summary>
    public static double ZFor(double coverage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(coverage, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(coverage, 1);
        return Distributions.NormalCritical(coverage);
    }

    /// <summary>Limits for a mean of <paramref name="n"/> units around <paramref name="target"/>.</summary>
    public static (double Low, double High) ForMean(double target, double sd, double n, double coverage, double phi = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var half = ZFor(coverage) * sd * Math.Sqrt(phi / n);
        return (target - half, target + half);
    }

    /// <summary>Limits for a proportion of <paramref name="n"/> units around <paramref name="target"/> (normal approximation to the binomial).</summary>
    public static (double Low, double High) ForProportion(double target, double n, double coverage, double phi = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var half = ZFor(coverage) * Math.Sqrt(phi * target * (1 - target) / n);
        return (Math.Max(0, target - half), Math.Min(1, target + half));
    }
}
