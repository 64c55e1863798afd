namespace Nmt.Analytics.Evidence;

/// <summary>Bisection on a monotone function (robust; the generalized Q statistic is decreasing in τ²).</summary>
internal static class RootFinder
{
    /// <summary>
    /// A root of <paramref name="f"/> in [<paramref name="low"/>, <paramref name="high"/>], where f(low) and f(high)
    /// have opposite signs, to about machine precision.
    /// </summary>
    public static double Bisect(Func<double, double> f, double low, double high)
    {
        var fLow = f(low);
        for (var i = 0; i < 200 && high - low > 1e-15 * (1 + Math.Abs(low)); i++)
        {
            var mid = 0.5 * (low + high);
            var fMid = f(mid);
            if (fMid == 0)
            {
                return mid;
            }
            if (Math.Sign(fMid) == Math.Sign(fLow))
            {
                (low, fLow) = (mid, fMid);
            }
            else
            {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    /// <summary>
    /// Smallest upper bracket 100·2ⁿ (n ≥ 0, and at least 10·<paramref name="start"/>) where the decreasing
    /// <paramref name="f"/> has dropped below zero.
    /// </summary>
    public static double UpperBracket(Func<double, double> f, double start)
    {
        var high = Math.Max(100, 10 * start);
        for (var i = 0; i < 60 && f(high) > 0; i++)
        {
            high *= 2;
        }
        return high;
    }
}
