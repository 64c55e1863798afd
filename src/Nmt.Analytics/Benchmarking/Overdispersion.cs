namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// Multiplicative overdispersion factor φ estimated from units' z-scores after winsorising the most
/// extreme ones (Spiegelhalter 2005, Stat Med 24:1185–1202, §6; Spiegelhalter et al. 2012, J R Stat Soc A 175:1–47):
/// φ̂ = (1/I) Σ zᵢ², with the lowest and highest <c>fraction</c> of z-scores pulled in to the nearest
/// remaining values. φ̂ below 1 is reported as 1 (no underdispersion adjustment).
/// </summary>
public static class Overdispersion
{
    /// <summary>Estimates φ from z-scores; <paramref name="winsorFraction"/> defaults to 10 % at each end.</summary>
    public static double Estimate(IReadOnlyList<double> zScores, double winsorFraction = 0.1)
    {
        ArgumentNullException.ThrowIfNull(zScores);
        if (zScores.Count == 0)
        {
            return 1;
        }
        var sorted = zScores.Order().ToArray();
        var cut = (int)Math.Floor(winsorFraction * sorted.Length);
        var low = sorted[cut];
        var high = sorted[sorted.Length - 1 - cut];
        var phi = sorted.Select(z => Math.Clamp(z, low, high)).Sum(z => z * z) / sorted.Length;
        return Math.Max(1, phi);
    }
}
