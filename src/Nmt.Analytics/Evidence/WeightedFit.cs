using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Weighted least squares of y on X with weights 1/(vᵢ + τ²) at a given τ², and the projection
/// P = W − W X (XᵀW X)⁻¹ Xᵀ W that every τ² estimator works with (Viechtbauer 2005, eq. 5–11).
/// </summary>
internal sealed class WeightedFit
{
    private WeightedFit(Vector<double> y, Matrix<double> x, double[] weights)
    {
        var w = Matrix<double>.Build.DiagonalOfDiagonalArray(weights);
        var xtw = x.TransposeThisAndMultiply(w);
        Covariance = (xtw * x).Inverse();
        Beta = Covariance * (xtw * y);
        Weights = weights;
        P = w - (w * x * Covariance * xtw);
        Py = P * y;
        Rss = y.DotProduct(Py);
    }

    /// <summary>The weights 1/(vᵢ + τ²).</summary>
    public double[] Weights { get; }

    /// <summary>(XᵀW X)⁻¹: the model-based covariance of <see cref="Beta"/>.</summary>
    public Matrix<double> Covariance { get; }

    /// <summary>Weighted least-squares coefficients.</summary>
    public Vector<double> Beta { get; }

    /// <summary>The projection matrix P.</summary>
    public Matrix<double> P { get; }

    /// <summary>P y.</summary>
    public Vector<double> Py { get; }

    /// <summary>Weighted residual sum of squares yᵀP y (the generalized Q statistic at this τ²).</summary>
    public double Rss { get; }

    /// <summary>tr(P).</summary>
    public double TraceP => P.Trace();

    /// <summary>Fits at <paramref name="tau2"/>.</summary>
    public static WeightedFit At(Vector<double> y, double[] vi, Matrix<double> x, double tau2)
    {
        var weights = new double[vi.Length];
        for (var i = 0; i < vi.Length; i++)
        {
            weights[i] = 1 / (vi[i] + tau2);
        }
        return new WeightedFit(y, x, weights);
    }
}
