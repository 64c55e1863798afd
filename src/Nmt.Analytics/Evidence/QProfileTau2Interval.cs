using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Q-profile confidence interval for τ² (Viechtbauer 2007, Stat Med 26:37): the τ² values at which the
/// generalized Q statistic equals the upper and lower χ²(k − p) quantiles; bounds truncated at 0 as in
/// metafor's <c>confint()</c> (both 0 when even τ² = 0 gives Q below the lower quantile).
/// </summary>
internal static class QProfileTau2Interval
{
    /// <summary>The (low, high) bounds at confidence <paramref name="level"/>.</summary>
    public static (double Low, double High) Compute(Vector<double> y, double[] vi, Matrix<double> x, double level)
    {
        double df = y.Count - x.ColumnCount;
        var alpha = 1 - level;
        var upperQuantile = Distributions.ChiSquareQuantile(1 - (alpha / 2), df);
        var lowerQuantile = Distributions.ChiSquareQuantile(alpha / 2, df);
        double Q(double tau2) => WeightedFit.At(y, vi, x, tau2).Rss;
        var q0 = Q(0);
        if (q0 < lowerQuantile)
        {
            return (0, 0);
        }
        var low = q0 < upperQuantile ? 0 : Solve(t => Q(t) - upperQuantile);
        var high = Solve(t => Q(t) - lowerQuantile);
        return (low, high);
    }

    private static double Solve(Func<double, double> excess) =>
        RootFinder.Bisect(excess, 0, RootFinder.UpperBracket(excess, 0));
}
