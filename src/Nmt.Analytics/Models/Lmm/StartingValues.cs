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

    private static double[] OlsResiduals(ModelFrame frame)
    {
        var qr = frame.X.QR();
        var beta = qr.Solve(frame.Y);
        return (frame.Y - (frame.X * beta)).ToArray();
    }

    /// <summary>
    /// Lower-triangular T with TTᵀ = S / s², S the covariance of per-level least-squares coefficients of the residuals
    /// on the block's columns and s² the pooled within-level residual variance; null when too few levels are estimable.
    /// The diagonal is floored at a tenth of the column-scaled start so the optimiser never begins on the boundary.
    /// </summary>
    private static double[]? MomentFactor(RandomEffectBlock block, double[] residuals)
    {
        var q = block.Terms.Count;
        var rowsByLevel = new List<int>[block.Levels.Count];
        for (var r = 0; r < block.GroupIndex.Length; r++)
        {
            (rowsByLevel[block.GroupIndex[r]] ??= []).Add(r);
        }
        var coefficients = new List<double[]>();
        double rss = 0;
        var dfResidual = 0;
        foreach (var rows in rowsByLevel)
        {
            if (rows is null || rows.Count <= q)
            {
                continue;
            }
            var z = Matrix<double>.Build.Dense(rows.Count, q, (i, j) => block.Z[rows[i], j]);
            var e = Vector<double>.Build.Dense(rows.Count, i => residuals[rows[i]]);
            var qr = z.QR();
            if (Enumerable.Range(0, q).Any(j => Math.Abs(qr.R[j, j]) < 1e-10 * Math.Max(1, z.Column(j).L2Norm())))
            {
                continue;
            }
            var b = qr.Solve(e);
            var res = e - (z * b);
            rss += res.DotProduct(res);
            dfResidual += rows.Count - q;
            coefficients.Add(b.ToArray());
        }
        if (coefficients.Count <= q || dfResidual == 0 || rss <= 0)
        {
            return null;
        }
        var s2 = rss / dfResidual;
        var mean = Enumerable.Range(0, q).Select(j => coefficients.Average(c => c[j])).ToArray();
        var s = Matrix<double>.Build.Dense(q, q, (i, j) => coefficients.Sum(c => (c[i] - mean[i]) * (c[j] - mean[j])) / (coefficients.Count - 1) / s2);
        var floor = Enumerable.Range(0, q).Select(j => 0.1 / RootMeanSquare(block.Z.Column(j))).ToArray();
        for (var j = 0; j < q; j++)
        {
            s[j, j] = Math.Max(s[j, j], floor[j] * floor[j]) * (1 + 1e-8);
        }
        try
        {
            var l = s.Cholesky().Factor;
            return l.ToRowMajorArray();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
