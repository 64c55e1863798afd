using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Candidate starting values of θ. lme4 starts every fit at identity factors (θ = 1 on the diagonal), which is not
/// invariant to the units of the data: when the random-effect variances are large relative to σ² (nlme::Oxboys) the
/// optimiser can be drawn onto the correlation = ±1 boundary far from the optimum. These starts follow the data's
/// scale: the identity divided by each random-effect column's root mean square, and a method-of-moments start from
/// per-level least-squares fits of the OLS residuals (the covariance of the per-level coefficients relative to the
/// pooled within-level variance, as in the two-stage approach of Laird &amp; Ware 1982, Biometrics 38:963).
/// </summary>
internal static class StartingValues
{
    /// <summary>lme4's identity start, the column-scaled identity and, where every block allows it, the moment start.</summary>
    public static List<double[]> Candidates(ModelFrame frame, ThetaLayout layout)
    {
        var list = new List<double[]> { layout.Start() };
        if (frame.Count == 0)
        {
            return list; // a fit from summaries (Engines): no rows to scale or take moments from
        }
        var scaled = new double[layout.Count];
        var moments = new double[layout.Count];
        var momentsOk = true;
        var residuals = OlsResiduals(frame);
        for (var k = 0; k < layout.Blocks.Count; k++)
        {
            var block = layout.Blocks[k];
            var q = block.Terms.Count;
            var rms = Enumerable.Range(0, q).Select(j => RootMeanSquare(block.Z.Column(j))).ToArray();
            var t = MomentFactor(block, residuals) ?? [];
            momentsOk &= t.Length == q * q;
            var idx = layout.Offsets[k];
            for (var j = 0; j < q; j++)
            {
                for (var i = j; i < q; i++, idx++)
                {
                    scaled[idx] = i == j ? 1 / rms[j] : 0;
                    moments[idx] = t.Length == q * q ? t[(i * q) + j] : 0;
                }
            }
        }
        if (scaled.All(double.IsFinite))
        {
            list.Add(scaled);
        }
        if (momentsOk && moments.All(double.IsFinite))
        {
            list.Add(moments);
        }
        return list;
    }

    private static double RootMeanSquare(Vector<double> v)
    {
        var ms = v.DotProduct(v) / v.Count;
        return ms > 0 ? Math.Sqrt(ms) : 1;
    }

    /// <summary>Residuals of the fixed-effects least-squares fit (normal equations: a start needs no more accuracy).</summary>
    private static double[] OlsResiduals(ModelFrame frame)
    {
        try
        {
            var beta = frame.X.TransposeThisAndMultiply(frame.X).Cholesky().Solve(frame.X.TransposeThisAndMultiply(frame.Y));
            return (frame.Y - (frame.X * beta)).ToArray();
        }
        catch (ArgumentException)
        {
            var mean = frame.Y.Average();
            return frame.Y.Select(v => v - mean).ToArray();
        }
    }

    /// <summary>
    /// Lower-triangular T with TTᵀ = S / s², S the covariance of per-level least-squares coefficients of the residuals
    /// on the block's columns and s² the pooled within-level residual variance; null when too few levels are estimable.
    /// One pass accumulates ZᵀZ, Zᵀe and eᵀe per level (O(n q²), no per-level allocation beyond these sums).
    /// The diagonal is floored at a tenth of the column-scaled start so the optimiser never begins on the boundary.
    /// </summary>
    private static double[]? MomentFactor(RandomEffectBlock block, double[] residuals)
    {
        var q = block.Terms.Count;
        var levels = block.Levels.Count;
        var ztz = new double[levels * q * q];
        var zte = new double[levels * q];
        var ete = new double[levels];
        var count = new int[levels];
        var z = block.Z;
        for (var r = 0; r < residuals.Length; r++)
        {
            var g = block.GroupIndex[r];
            count[g]++;
            ete[g] += residuals[r] * residuals[r];
            for (var i = 0; i < q; i++)
            {
                var zi = z[r, i];
                zte[(g * q) + i] += zi * residuals[r];
                for (var j = 0; j <= i; j++)
                {
                    ztz[(((g * q) + i) * q) + j] += zi * z[r, j];
                }
            }
        }
        var coefficients = new List<double[]>();
        double rss = 0;
        var dfResidual = 0;
        var a = new double[q * q];
        for (var g = 0; g < levels; g++)
        {
            if (count[g] <= q)
            {
                continue;
            }
            Array.Copy(ztz, g * q * q, a, 0, q * q);
            var scale = Enumerable.Range(0, q).Max(i => a[(i * q) + i]);
            if (double.IsNaN(DenseKernels.Cholesky(a, 0, q)) || Enumerable.Range(0, q).Any(i => a[(i * q) + i] * a[(i * q) + i] < 1e-10 * scale))
            {
                continue;
            }
            var b = new double[q];
            Array.Copy(zte, g * q, b, 0, q);
            DenseKernels.ForwardSolve(a, 0, q, b, 0, 1);
            rss += ete[g] - b.Sum(v => v * v);
            DenseKernels.BackSolveTransposed(a, 0, q, b, 0, 1);
            dfResidual += count[g] - q;
            coefficients.Add(b);
        }
        return Factor(block, coefficients, rss, dfResidual);
    }

    private static double[]? Factor(RandomEffectBlock block, List<double[]> coefficients, double rss, int dfResidual)
    {
        var q = block.Terms.Count;
        if (coefficients.Count <= q || dfResidual == 0 || rss <= 0)
        {
            return null;
        }
        var s2 = rss / dfResidual;
        var mean = Enumerable.Range(0, q).Select(j => coefficients.Average(c => c[j])).ToArray();
        var s = Matrix<double>.Build.Dense(q, q, (i, j) => coefficients.Sum(c => (c[i] - mean[i]) * (c[j] - mean[j])) / (coefficients.Count - 1) / s2);
        for (var j = 0; j < q; j++)
        {
            var floor = 0.1 / RootMeanSquare(block.Z.Column(j));
            s[j, j] = Math.Max(s[j, j], floor * floor) * (1 + 1e-8);
        }
        try
        {
            return s.Cholesky().Factor.ToRowMajorArray();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
