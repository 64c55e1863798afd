using MathNet.Numerics.LinearAlgebra;

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
    /// <summary>
    /// lme4's identity start, the column-scaled identity and, where every block allows it, the moment start. All come
    /// from the sufficient statistics (ZᵀZ, Zᵀe and eᵀe per level, e the OLS residuals), so they cost O(levels), not
    /// another pass over the rows.
    /// </summary>
    public static List<double[]> Candidates(CrossProducts c, ThetaLayout layout)
    {
        var list = new List<double[]> { layout.Start() };
        if (c.LevelCount.Length == 0 || c.LevelCount[0] == 0)
        {
            return list; // a fit from summaries (Engines): no per-level residual sums to scale or take moments from
        }
        var scaled = new double[layout.Count];
        var moments = new double[layout.Count];
        var momentsOk = true;
        for (var k = 0; k < layout.Blocks.Count; k++)
        {
            var block = layout.Blocks[k];
            var q = block.Terms.Count;
            var rms = Enumerable.Range(0, q).Select(j => RootMeanSquare(c.ColumnSumOfSquares(k, j, q, block.Levels.Count), c.N)).ToArray();
            var t = MomentFactor(c, k, q, block.Levels.Count, rms) ?? [];
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

    private static double RootMeanSquare(double sumOfSquares, int n)
    {
        var ms = sumOfSquares / n;
        return ms > 0 ? Math.Sqrt(ms) : 1;
    }

    /// <summary>
    /// Lower-triangular T with TTᵀ = S / s², S the covariance of per-level least-squares coefficients of the residuals
    /// on the block's columns and s² the pooled within-level residual variance; null when too few levels are estimable.
    /// The diagonal is floored at a tenth of the column-scaled start so the optimiser never begins on the boundary.
    /// </summary>
    private static double[]? MomentFactor(CrossProducts c, int k, int q, int levels, double[] rms)
    {
        var moments = new CoefficientMoments(q);
        double rss = 0;
        var dfResidual = 0;
        var a = new double[q * q];
        var b = new double[q];
        for (var g = 0; g < levels; g++)
        {
            var ete = c.LevelMoments(k, g, q, a, b, out var count);
            if (count <= q || !Factorable(a, q))
            {
                continue;
            }
            DenseKernels.ForwardSolve(a, 0, q, b, 0, 1);
            for (var i = 0; i < q; i++)
            {
                rss -= b[i] * b[i];
            }
            rss += ete;
            DenseKernels.BackSolveTransposed(a, 0, q, b, 0, 1);
            dfResidual += count - q;
            moments.Add(b);
        }
        return Factor(q, rms, moments, rss, dfResidual);
    }

    /// <summary>Cholesky of a level's ZᵀZ in place; false if it is (numerically) singular, i.e. the level's coefficients are not estimable.</summary>
    private static bool Factorable(double[] a, int q)
    {
        var scale = 0.0;
        for (var i = 0; i < q; i++)
        {
            scale = Math.Max(scale, a[(i * q) + i]);
        }
        if (double.IsNaN(DenseKernels.Cholesky(a, 0, q)))
        {
            return false;
        }
        for (var i = 0; i < q; i++)
        {
            if (a[(i * q) + i] * a[(i * q) + i] < 1e-10 * scale)
            {
                return false;
            }
        }
        return true;
    }

    private static double[]? Factor(int q, double[] rms, CoefficientMoments moments, double rss, int dfResidual)
    {
        if (moments.Count <= q || dfResidual == 0 || rss <= 0)
        {
            return null;
        }
        var s2 = rss / dfResidual;
        var s = Matrix<double>.Build.Dense(q, q, (i, j) => moments.Covariance(i, j) / s2);
        for (var j = 0; j < q; j++)
        {
            var floor = 0.1 / rms[j];
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

    /// <summary>Running mean and cross-product sums of the per-level coefficient vectors (Welford's update; no per-level storage).</summary>
    private sealed class CoefficientMoments(int q)
    {
        private readonly double[] _mean = new double[q];
        private readonly double[] _m2 = new double[q * q];
        private readonly double[] _delta = new double[q];

        public int Count { get; private set; }

        public void Add(double[] b)
        {
            Count++;
            for (var i = 0; i < q; i++)
            {
                _delta[i] = b[i] - _mean[i];
                _mean[i] += _delta[i] / Count;
            }
            for (var i = 0; i < q; i++)
            {
                for (var j = 0; j < q; j++)
                {
                    _m2[(i * q) + j] += _delta[i] * (b[j] - _mean[j]);
                }
            }
        }

        /// <summary>Sample covariance of coefficients i and j.</summary>
        public double Covariance(int i, int j) => (_m2[(i * q) + j] + _m2[(j * q) + i]) / (2.0 * (Count - 1));
    }
}
