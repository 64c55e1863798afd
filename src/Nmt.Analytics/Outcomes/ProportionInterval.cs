using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Wilson score interval for a proportion (Wilson 1927), as R's <c>prop.test(x, n, correct = FALSE)$conf.int</c>;
/// unlike the Wald interval it stays inside [0, 1] and behaves at 0 % and 100 % (limits clamped to [0, 1] against rounding).
/// </summary>
public static class ProportionInterval
{
    /// <summary>The (low, high) Wilson interval for <paramref name="successes"/> out of <paramref name="n"/>.</summary>
    public static (double Low, double High) Wilson(int successes, int n, double confidence = 0.95)
    {
        if (n <= 0)
        {
            return (double.NaN, double.NaN);
        }
        var z = Distributions.NormalCritical(confidence);
        var p = (double)successes / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        var denominator = 1 + (z2 / n);
        return (Math.Max(0, (centre - half) / denominator), Math.Min(1, (centre + half) / denominator));
    }
}
