namespace Nmt.Analytics.Statistics;

/// <summary>
/// The five numbers a box plot draws: quartiles by R's default <c>quantile(type = 7)</c> (Hyndman &amp; Fan 1996) and
/// Tukey whiskers reaching the most extreme observations within 1.5 × IQR of the box.
/// </summary>
/// <param name="N">Number of values.</param>
/// <param name="WhiskerLow">Lowest value ≥ Q1 − 1.5 IQR.</param>
/// <param name="Q1">First quartile.</param>
/// <param name="Median">Median.</param>
/// <param name="Q3">Third quartile.</param>
/// <param name="WhiskerHigh">Highest value ≤ Q3 + 1.5 IQR.</param>
public sealed record BoxStats(int N, double WhiskerLow, double Q1, double Median, double Q3, double WhiskerHigh)
{
    /// <summary>Computes the statistics of non-missing <paramref name="values"/> (at least one).</summary>
    public static BoxStats Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }
        var (q1, median, q3) = (Quantiles.Type7(sorted, 0.25), Quantiles.Type7(sorted, 0.5), Quantiles.Type7(sorted, 0.75));
        var fence = 1.5 * (q3 - q1);
        var low = sorted.First(v => v >= q1 - fence);
        var high = sorted.Last(v => v <= q3 + fence);
        return new BoxStats(sorted.Length, low, q1, median, q3, high);
    }
}
