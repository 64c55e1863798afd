using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Evidence;

/// <summary>Fixed (common) effect model: τ² = 0, so the weights are 1/vᵢ (inverse variance).</summary>
internal sealed class FixedEffectEstimator : ITau2Estimator
{
    /// <inheritdoc/>
    public double Estimate(Vector<double> y, double[] vi, Matrix<double> x) => 0;
}
