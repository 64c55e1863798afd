using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// DerSimonian–Laird method-of-moments estimator, τ̂² = max(0, (Q − (k − p)) / tr(P)) with P at τ² = 0
/// (DerSimonian &amp; Laird 1986, Control Clin Trials 7:177; with moderators as in metafor's rma.uni).
/// </summary>
internal sealed class DerSimonianLairdEstimator : ITau2Estimator
{
    /// <inheritdoc/>
    public double Estimate(Vector<double> y, double[] vi, Matrix<double> x)
    {
        var fixedFit = WeightedFit.At(y, vi, x, 0);
        var tau2 = (fixedFit.Rss - (y.Count - x.ColumnCount)) / fixedFit.TraceP;
        return Math.Max(0, tau2);
    }
}
