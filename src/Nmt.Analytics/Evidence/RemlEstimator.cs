using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Restricted maximum-likelihood τ² by Fisher scoring, exactly as metafor's rma.uni: start at the
/// Hedges (HE) estimate, step Δ = (yᵀPPy − tr P) / tr(PP), halve a step that would go below 0,
/// stop when |Δτ²| falls below the threshold (relative to τ² when τ² &gt; 1) (Viechtbauer 2005, J Educ Behav Stat 30:261).
/// </summary>
internal sealed class RemlEstimator(double threshold, int maxIterations) : ITau2Estimator
{
    /// <inheritdoc/>
    public double Estimate(Vector<double> y, double[] vi, Matrix<double> x)
    {
        var tau2 = Math.Max(0, HedgesStart(y, vi, x));
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var fit = WeightedFit.At(y, vi, x, tau2);
            var trPP = fit.P.PointwiseMultiply(fit.P).Enumerate().Sum();
            var step = (fit.Py.DotProduct(fit.Py) - fit.TraceP) / trPP;
            if (double.IsNaN(step))
            {
                step = 0;
            }
            while (tau2 + step < 0)
            {
                step /= 2;
            }
            tau2 += step;
            // Relative for large τ² (outcomes on big scales), where rounding alone exceeds an absolute 1e-12.
            if (Math.Abs(step) <= threshold * Math.Max(1, tau2))
            {
                return tau2;
            }
        }
        throw new NmtInputException(
            $"the REML estimate of tau^2 did not converge in {maxIterations} iterations; try --method DL or PM.");
    }

    /// <summary>Hedges' unweighted moment estimator (RSS − tr(P₀V)) / (k − p), metafor's starting value.</summary>
    private static double HedgesStart(Vector<double> y, double[] vi, Matrix<double> x)
    {
        var k = y.Count;
        var identity = Matrix<double>.Build.DenseIdentity(k);
        var p0 = identity - (x * (x.TransposeThisAndMultiply(x)).Inverse() * x.Transpose());
        var rss = y.DotProduct(p0 * y);
        var trPV = 0.0;
        for (var i = 0; i < k; i++)
        {
            trPV += p0[i, i] * vi[i];
        }
        return (rss - trPV) / (k - x.ColumnCount);
    }
}
