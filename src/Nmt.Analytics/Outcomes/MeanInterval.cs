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
        var sd = Math.Sqrt(ss / (n - 1));
        var half = Distributions.TCritical(confidence, n - 1) * sd / Math.Sqrt(n);
        return new MeanInterval(n, mean, sd, mean - half, mean + half);
    }
}
