using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Models.Optimization;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Satterthwaite degrees of freedom for any linear combination l'β̂ of a fitted LMM's fixed effects, as lmerTest's
/// <c>contest1D</c> (Kuznetsova, Brockhoff &amp; Christensen 2017, JSS 82(13), eq. 6): df = 2 (l'Vl)² / (gᵀ A g) with
/// gᵢ = l'(∂V/∂φᵢ)l over the variance parameters φ = (θ, σ) and A = 2 H⁻¹ (H the Hessian of the deviance in φ,
/// Moore–Penrose over positive eigenvalues). The Jacobian of V = σ²(R_XᵀR_X)⁻¹ and H are computed once, as in
/// <see cref="SatterthwaiteDf"/>, so each contrast then costs O(p²·dim φ).
/// </summary>
internal sealed class SatterthwaiteContrasts
{
    private readonly Matrix<double> _covariance;
    private readonly Matrix<double>[] _jacobian;
    private readonly Matrix<double> _varParCovariance;

    private SatterthwaiteContrasts(Matrix<double> covariance, Matrix<double>[] jacobian, Matrix<double> varParCovariance)
    {
        _covariance = covariance;
        _jacobian = jacobian;
        _varParCovariance = varParCovariance;
    }

    /// <summary>Rebuilds the penalized least squares problem of <paramref name="fit"/> and differentiates it at θ̂.</summary>
    public static SatterthwaiteContrasts For(LmmFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var frame = fit.Frame;
        var layout = new ThetaLayout(frame.RandomBlocks);
        var pls = new PenalizedLeastSquares(new CrossProducts(frame, layout, fit.Options.MaxSecondaryRandomEffects), layout);
        var theta = fit.Theta.ToArray();
        int n = frame.Count, p = frame.X.ColumnCount, k = theta.Length;
        var sigma = fit.Sigma;
        var s2 = sigma * sigma;
        double[] Parts(double[] th)
        {
            var e = pls.Evaluate(th);
            return [e.LogDetL2, e.PenalizedRss, e.LogDetRX2, .. e.CovUnscaled];
        }
        var at = Parts(theta);
        var (first, second) = RichardsonDerivatives.Compute(Parts, theta);
        var hessian = Matrix<double>.Build.Dense(k + 1, k + 1);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var d = second[i, j];
                hessian[i, j] = d[0] + (d[1] / s2) + (fit.Reml ? d[2] : 0);
            }
            hessian[i, k] = hessian[k, i] = -2 * first[i][1] / (s2 * sigma);
        }
        hessian[k, k] = (6 * at[1] / (s2 * s2)) - (2.0 * (n - (fit.Reml ? p : 0)) / s2);
        var unscaled = Matrix<double>.Build.Dense(p, p, (r, c) => at[3 + (r * p) + c]);
        var jacobian = new Matrix<double>[k + 1];
        for (var i = 0; i < k; i++)
        {
            var d = first[i];
            jacobian[i] = Matrix<double>.Build.Dense(p, p, (r, c) => s2 * d[3 + (r * p) + c]);
        }
        jacobian[k] = unscaled * (2 * sigma);
        return new SatterthwaiteContrasts(unscaled * s2, jacobian, SymmetricPseudoInverse(hessian) * 2);
    }

    /// <summary>Satterthwaite df of l'β̂.</summary>
    public double Df(Vector<double> l)
    {
        var variance = l * _covariance * l;
        var gradient = Vector<double>.Build.Dense(_jacobian.Length, i => l * _jacobian[i] * l);
        return 2 * variance * variance / (gradient * _varParCovariance * gradient);
    }

    /// <summary>Moore–Penrose inverse of a symmetric matrix over eigenvalues above 1e-8 (lmerTest's tolerance).</summary>
    internal static Matrix<double> SymmetricPseudoInverse(Matrix<double> h)
    {
        var evd = h.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Real();
        var inverse = Matrix<double>.Build.Dense(h.RowCount, h.ColumnCount);
        for (var e = 0; e < values.Count; e++)
        {
            if (values[e] > 1e-8)
            {
                var v = evd.EigenVectors.Column(e);
                inverse += v.OuterProduct(v) / values[e];
            }
        }
        return inverse;
    }
}
