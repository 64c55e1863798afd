namespace Nmt.Analytics.Statistics;

/// <summary>Sample quantiles (the one owner of them in the library).</summary>
public static class Quantiles
{
    /// <summary>Hyndman &amp; Fan (1996) type 7, R's default <c>quantile</c>: x[h] interpolated at h = (n − 1)p, of sorted values.</summary>
    public static double Type7(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
