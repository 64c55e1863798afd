using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Paule–Mandel estimator: the τ² at which the generalized Q statistic Σ wᵢ(τ²)(yᵢ − xᵢᵀβ̂)² equals its
/// expectation k − p; 0 when Q at τ² = 0 is already below k − p (Paule &amp; Mandel 1982, J Res NBS 87:377).
/// </summary>
internal sealed class PauleMandelEstimator : ITau2Estimator
{
    /// <inheritdoc/>
    public double Estimate(Vector<double> y, double[] vi, Matrix<double> x)
    {
        double target = y.Count - x.ColumnCount;
        double Excess(double tau2) => WeightedFit.At(y, vi, x, tau2).Rss - target;
        if (Excess(0) < 0)
        {
            return 0;
        }
        return RootFinder.Bisect(Excess, 0, RootFinder.UpperBracket(Excess, 0));
    }
}
