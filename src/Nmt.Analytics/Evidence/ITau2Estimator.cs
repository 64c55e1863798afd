using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Evidence;

/// <summary>An estimator of the between-study variance τ² in the model yᵢ = xᵢᵀβ + uᵢ + εᵢ.</summary>
internal interface ITau2Estimator
{
    /// <summary>τ̂² (never negative) for outcomes <paramref name="y"/>, sampling variances <paramref name="vi"/> and design <paramref name="x"/>.</summary>
    double Estimate(Vector<double> y, double[] vi, Matrix<double> x);
}
