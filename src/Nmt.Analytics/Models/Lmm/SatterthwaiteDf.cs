using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Models.Optimization;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Satterthwaite degrees of freedom for each fixed effect as lmerTest computes them (Kuznetsova, Brockhoff &amp;
/// Christensen 2017, JSS 82(13), sect. 3.2): df = 2 V² / (∇Vᵀ A ∇V), where V = Var(β̂ⱼ), ∇V its gradient in the
/// variance parameters (θ, σ), and A = 2 H⁻¹ with H the Hessian of the (REML or ML) deviance in (θ, σ)
/// (Moore–Penrose inverse over positive eigenvalues, as lmerTest). Derivatives in θ are numerical (Richardson, as
/// numDeriv); those in σ are analytic, since the deviance is
/// log|L|² + r²/σ² + (n − p·REML) log(2πσ²) + REML·log|R_X|² and Var(β̂) = σ² (R_XᵀR_X)⁻¹.
/// </summary>
internal static class SatterthwaiteDf
{
    public static double[] Compute(PenalizedLeastSquares pls, double[] theta, double sigma, int n, int p, bool reml)
    {
        var k = theta.Length;
        double[] Parts(double[] th)
        {
            var e = pls.Evaluate(th);
            return [e.LogDetL2, e.PenalizedRss, e.LogDetRX2, .. e.CovUnscaled];
        }
        var at = Parts(theta);
        var (first, second) = RichardsonDerivatives.Compute(Parts, theta);
        var s2 = sigma * sigma;
        var h = Matrix<double>.Build.Dense(k + 1, k + 1);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var d = second[i, j];
                h[i, j] = d[0] + (d[1] / s2) + (reml ? d[2] : 0);
            }
            h[i, k] = h[k, i] = -2 * first[i][1] / (s2 * sigma);
        }
        var m = n - (reml ? p : 0);
        h[k, k] = (6 * at[1] / (s2 * s2)) - (2.0 * m / s2);
        var a = PseudoInverse(h) * 2;
        var df = new double[p];
        for (var j = 0; j < p; j++)
        {
            var c = at[3 + (j * p) + j];
            var grad = Vector<double>.Build.Dense(k + 1);
            for (var i = 0; i < k; i++)
            {
                grad[i] = s2 * first[i][3 + (j * p) + j];
            }
            grad[k] = 2 * sigma * c;
            var v = s2 * c;
            df[j] = 2 * v * v / (grad * a * grad);
        }
        return df;
    }

    /// <summary>Moore–Penrose inverse of a symmetric matrix over eigenvalues above 1e-8 (lmerTest's tolerance).</summary>
    private static Matrix<double> PseudoInverse(Matrix<double> h)
    {
        var evd = h.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Real();
        var vectors = evd.EigenVectors;
        var inv = Matrix<double>.Build.Dense(h.RowCount, h.ColumnCount);
        for (var e = 0; e < values.Count; e++)
        {
            if (values[e] > 1e-8)
            {
                var v = vectors.Column(e);
                inv += v.OuterProduct(v) / values[e];
            }
        }
        return inv;
    }
}
