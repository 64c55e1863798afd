using Nmt.Analytics.Results;

namespace Nmt.Analytics.Statistics;

/// <summary>Wald tests and intervals for single coefficients: t with given df, or z (df = ∞). The one owner of the tidy row.</summary>
public static class WaldInference
{
    /// <summary>
    /// The tidy row for <paramref name="estimate"/> ± critical·<paramref name="stdError"/>; a t test when
    /// <paramref name="df"/> is finite, a z test when it is <see cref="double.PositiveInfinity"/>.
    /// NaN estimates (aliased coefficients) give an all-NaN row, as R's NA.
    /// </summary>
    public static TermEstimate Estimate(string term, double estimate, double stdError, double df, double confidence)
    {
        if (double.IsNaN(estimate))
        {
            return new TermEstimate(term, double.NaN, double.NaN, double.NaN, df, double.NaN, double.NaN, double.NaN);
        }
        var statistic = estimate / stdError;
        var q = Distributions.TCritical(confidence, df);
        return new TermEstimate(term, estimate, stdError, statistic, df, Distributions.TwoSidedT(statistic, df), estimate - (q * stdError), estimate + (q * stdError));
    }
}
