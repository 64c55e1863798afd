using MathNet.Numerics.Distributions;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>Wald tests and intervals for single coefficients: t with given df, or z (df = ∞).</summary>
public static class WaldInference
{
    /// <summary>
    /// The tidy row for <paramref name="estimate"/> ± quantile·<paramref name="stdError"/>; a t test when
    /// <paramref name="df"/> is finite, a z test when it is <see cref="double.PositiveInfinity"/>.
    /// NaN estimates (aliased coefficients) give an all-NaN row, as R's NA.
    /// </summary>
    public static TermEstimate Estimate(string term, double estimate, double stdError, double df, double level)
    {
        if (double.IsNaN(estimate))
        {
            return new TermEstimate(term, double.NaN, double.NaN, double.NaN, df, double.NaN, double.NaN, double.NaN);
        }
        var statistic = estimate / stdError;
        var p = 2 * LowerTail(-Math.Abs(statistic), df);
        var q = Quantile(0.5 + level / 2, df);
        return new TermEstimate(term, estimate, stdError, statistic, df, p, estimate - q * stdError, estimate + q * stdError);
    }

    /// <summary>The <paramref name="probability"/> quantile of t(df), or of N(0,1) when df is infinite.</summary>
    public static double Quantile(double probability, double df) =>
        double.IsPositiveInfinity(df) ? Normal.InvCDF(0, 1, probability) : StudentT.InvCDF(0, 1, df, probability);

    /// <summary>P(T ≤ x) for t(df), or the normal CDF when df is infinite.</summary>
    public static double LowerTail(double x, double df) =>
        double.IsPositiveInfinity(df) ? Normal.CDF(0, 1, x) : StudentT.CDF(0, 1, df, x);
}
