using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Mean, sample SD (n − 1 denominator) and the classic t confidence interval
/// <c>mean ± t(1 − α/2, n − 1) · sd / √n</c>, as R's <c>t.test(x)$conf.int</c>.
/// </summary>
/// <param name="N">Number of values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Sd">Sample standard deviation (NaN when n &lt; 2).</param>
/// <param name="CiLow">Lower confidence limit (NaN when n &lt; 2).</param>
/// <param name="CiHigh">Upper confidence limit (NaN when n &lt; 2).</param>
public sealed record MeanInterval(int N, double Mean, double Sd, double CiLow, double CiHigh)
{
    /// <summary>Computes the summary of <paramref name="values"/> (no missing values) at the given confidence level.</summary>
    public static MeanInterval Of(IReadOnlyList<double> values, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (n == 0)
        {
            return new MeanInterval(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var mean = values.Sum() / n;
        if (n < 2)
        {
            return new MeanInterval(n, mean, double.NaN, double.NaN, double.NaN);
        }
        var ss = 0.0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }
        return WithSd(n, mean, Math.Sqrt(ss / (n - 1)), confidence);
    }

    /// <summary>
    /// The same summary from additive sums (n, Σx, Σx²), as an engine returns them: mean = Σx/n and
    /// SS = Σx² − mean·Σx (exact algebraically; in double precision it loses about log10(1 + mean²/variance) digits).
    /// </summary>
    public static MeanInterval FromSums(long n, double sum, double sumOfSquares, double confidence = 0.95)
    {
        if (n == 0)
        {
            return new MeanInterval(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var count = checked((int)n);
        var mean = sum / n;
        return n < 2
            ? new MeanInterval(count, mean, double.NaN, double.NaN, double.NaN)
            : WithSd(count, mean, Math.Sqrt(Math.Max(0, sumOfSquares - (mean * sum)) / (n - 1)), confidence);
    }

    private static MeanInterval WithSd(int n, double mean, double sd, double confidence)
    {
        var half = Distributions.TCritical(confidence, n - 1) * sd / Math.Sqrt(n);
        return new MeanInterval(n, mean, sd, mean - half, mean + half);
    }
}
