namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Solves the penalized least-squares problem of a linear mixed model for a given θ by a blocked sparse Cholesky
/// factorisation of [ΛᵀZᵀZΛ + I, ΛᵀZᵀX; XᵀZΛ, XᵀX] (Bates et al. 2015, JSS 67(1), eqs. 18–20). The primary grouping
/// factor's block of L_θ is block-diagonal (one q×q Cholesky per level); the secondary factors form a dense block
/// (their Schur complement), which is why their total number of random effects is limited.
/// </summary>
internal sealed class PenalizedLeastSquares
{
    private readonly CrossProducts _c;
    private readonly ThetaLayout _layout;

    private readonly DesignClasses? _classes;
    private readonly SecondarySchurPattern? _schur;
    private double[]? _m22Buffer;

    public PenalizedLeastSquares(CrossProducts crossProducts, ThetaLayout layout)
    {
        _c = crossProducts;
        _layout = layout;
        _classes = DesignClasses.TryBuild(crossProducts);
        _schur = SecondarySchurPattern.TryBuild(crossProducts, layout);
    }

    public CrossProducts CrossProducts => _c;

    public PlsEvaluation Evaluate(double[] theta, bool keep = false)
    {
        if (!keep && _classes is not null)
        {
            return EvaluateByClass(theta, _classes);
        }
        var c = _c;
        if (!keep && c.Q2 == 0 && c.Q1 <= 2)
        {
            var xtxS = (double[])c.XtX.Clone();
            var xtyS = (double[])c.Xty.Clone();
            return SmallBlockKernel.Accumulate(c, _layout.Factor(0, theta), xtxS, xtyS, out var ld, out var ss)
                ? FixedEffectsStep(xtxS, xtyS, ld, ss, null)
                : new PlsEvaluation { Ok = false };
        }
        int q1 = c.Q1, q2 = c.Q2, p = c.P;
        var t = Enumerable.Range(0, _layout.Blocks.Count).Select(k => _layout.Factor(k, theta)).ToArray();
        var t1 = t[0];
        var m22 = _schur is null ? ScaledSecondary(t) : [];
        var levelSchur = _schur is null ? [] : new double[c.G * q1 * q1];
        var b2 = new double[q2 * p];
        var c2 = new double[q2];
        ApplyLambdaTransposeLeft(t, c.ZtX2, b2, p);
        ApplyLambdaTransposeLeft(t, c.Zty2, c2, 1);
        var xtx = (double[])c.XtX.Clone();
        var xty = (double[])c.Xty.Clone();
        var lg = keep ? new double[c.G * q1 * q1] : new double[q1 * q1];
        var rzxAll = keep ? new double[c.G * q1 * p] : new double[q1 * p];
        var cuAll = keep ? new double[c.G * q1] : new double[q1];
        var w = new double[c.CoupledBlocks.Length];
        var tmp = new double[Math.Max(q1 * q1, MaxCoupledSize())];
        double ldL2 = 0, sumsq = 0;
        for (var g = 0; g < c.G; g++)
        {
            int lo = keep ? g * q1 * q1 : 0, ro = keep ? g * q1 * p : 0, co = keep ? g * q1 : 0;
            var ld = q1 <= 2
                ? SmallBlockKernel.Factor(c, g, t1, lg, lo, rzxAll, ro, cuAll, co)
                : PrimaryFactor(g, t1, lg, lo, rzxAll, ro, cuAll, co, tmp);
            if (double.IsNaN(ld))
            {
                return new PlsEvaluation { Ok = false };
            }
            ldL2 += ld;
            sumsq += SubtractCrossProducts(rzxAll, ro, cuAll, co, q1, p, xtx, xty);
            if (q2 > 0)
            {
                CoupleRight(g, t, lg, lo, rzxAll, ro, cuAll, co, w, tmp, b2, c2);
                if (_schur is null)
                {
                    CoupleOuter(g, w, m22);
                }
                else
                {
                    LevelSchur(t1, lg, lo, levelSchur, g * q1 * q1, tmp);
                }
            }
        }
        if (_schur is not null)
        {
            m22 = AssembleSecondary(_schur, t, levelSchur, keep);
        }
        double[] l22 = m22;
        if (q2 > 0)
        {
            var ld2 = BlockedCholesky.Factor(l22, q2);
            if (double.IsNaN(ld2))
            {
                return new PlsEvaluation { Ok = false };
            }
            ldL2 += ld2;
            ForwardSolveSecondary(l22, q2, b2, c2, p);
            sumsq += SubtractCrossProducts(b2, 0, c2, 0, q2, p, xtx, xty);
        }
        return FixedEffectsStep(xtx, xty, ldL2, sumsq, keep ? new PlsFactors(t, lg, rzxAll, cuAll, w, l22, b2, c2) : null);
    }

    /// <summary>R_XᵀR_X = XᵀX − R_ZXᵀR_ZX, c_β, β̂ and r² from the Schur complements (Bates et al. 2015, eqs. 18–20).</summary>
    private PlsEvaluation FixedEffectsStep(double[] xtx, double[] xty, double ldL2, double sumsq, PlsFactors? factors)
    {
        var c = _c;
        var p = c.P;
        var ldRX2 = DenseKernels.Cholesky(xtx, 0, p);
        if (double.IsNaN(ldRX2))
        {
            return new PlsEvaluation { Ok = false };
        }
        var beta = xty;
        DenseKernels.ForwardSolve(xtx, 0, p, beta, 0, 1);
        var cbeta = beta.Sum(v => v * v);
        DenseKernels.BackSolveTransposed(xtx, 0, p, beta, 0, 1);
        for (var j = 0; j < p; j++)
        {
            beta[j] += c.Gamma[j];
        }
        return new PlsEvaluation
        {
            LogDetL2 = ldL2,
            LogDetRX2 = ldRX2,
            PenalizedRss = c.Yty - sumsq - cbeta,
            Beta = beta,
            CovUnscaled = DenseKernels.InverseFromCholesky(xtx, 0, p),
            Factors = factors,
        };
    }

    /// <summary>The same solution from per-class moments: Σ vᵀ S v with S = T M⁻¹ Tᵀ per class (see <see cref="DesignClasses"/>).</summary>
    private PlsEvaluation EvaluateByClass(double[] theta, DesignClasses classes)
    {
        var c = _c;
        int q = classes.Q, w = classes.Width, p = c.P, qq = q * q;
        var t = _layout.Factor(0, theta);
        var acc = new double[w * w];
        var tmp = new double[qq];
        var m = new double[qq];
        var s = new double[qq];
        var ldL2 = 0.0;
        for (var k = 0; k < classes.Count; k++)
        {
            DenseKernels.TimesLower(classes.A, k * qq, q, t, q, tmp, 0);
            DenseKernels.LowerTransposeTimes(t, q, tmp, 0, m, 0, q);
            for (var a = 0; a < q; a++)
            {
                m[(a * q) + a] += 1;
            }
            var ld = DenseKernels.Cholesky(m, 0, q);
            if (double.IsNaN(ld))
            {
                return new PlsEvaluation { Ok = false };
            }
            ldL2 += classes.Counts[k] * ld;
            var minv = DenseKernels.InverseFromCholesky(m, 0, q);
            // S = T M⁻¹ Tᵀ
            for (var a = 0; a < q; a++)
            {
                for (var b = 0; b < q; b++)
                {
                    var sum = 0.0;
                    for (var i = 0; i <= a; i++)
                    {
                        for (var j = 0; j <= b; j++)
                        {
                            sum += t[(a * q) + i] * minv[(i * q) + j] * t[(b * q) + j];
                        }
                    }
                    s[(a * q) + b] = sum;
                }
            }
            for (var ab = 0; ab < qq; ab++)
            {
                var sab = s[ab];
                var o = ((k * qq) + ab) * w * w;
                for (var e = 0; e < w * w; e++)
                {
                    acc[e] += sab * classes.Moments[o + e];
                }
            }
        }
        var xtx = new double[p * p];
        var xty = new double[p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                xtx[(i * p) + j] = c.XtX[(i * p) + j] - acc[(i * w) + j];
            }
            xty[i] = c.Xty[i] - acc[(i * w) + p];
        }
        return FixedEffectsStep(xtx, xty, ldL2, acc[(p * w) + p], null);
    }

    /// <summary>L_g = chol(TᵀZ_gᵀZ_gT + I), R_ZX,g = L_g⁻¹TᵀZ_gᵀX_g, c_u,g = L_g⁻¹TᵀZ_gᵀy_g; returns log|L_g|² (NaN if not PD).</summary>
    private double PrimaryFactor(int g, double[] t1, double[] lg, int lo, double[] rzx, int ro, double[] cu, int co, double[] tmp)
    {
        var c = _c;
        int q1 = c.Q1, p = c.P;
        DenseKernels.TimesLower(c.A11, g * q1 * q1, q1, t1, q1, tmp, 0);
        DenseKernels.LowerTransposeTimes(t1, q1, tmp, 0, lg, lo, q1);
        for (var a = 0; a < q1; a++)
        {
            lg[lo + (a * q1) + a] += 1;
        }
        var ld = DenseKernels.Cholesky(lg, lo, q1);
        if (double.IsNaN(ld))
        {
            return ld;
        }
        DenseKernels.LowerTransposeTimes(t1, q1, c.ZtX1, g * q1 * p, rzx, ro, p);
        DenseKernels.ForwardSolve(lg, lo, q1, rzx, ro, p);
        DenseKernels.LowerTransposeTimes(t1, q1, c.Zty1, g * q1, cu, co, 1);
        DenseKernels.ForwardSolve(lg, lo, q1, cu, co, 1);
        return ld;
    }

    private int MaxCoupledSize()
    {
        var max = 0;
        foreach (var b in _layout.Blocks)
        {
            max = Math.Max(max, b.Terms.Count * _c.Q1);
        }
        return max;
    }

    /// <summary>XᵀX −= RᵀR (lower triangle), Xᵀy −= Rᵀc for a rows×p block R and rows-vector c; returns ‖c‖².</summary>
    private static double SubtractCrossProducts(double[] r, int ro, double[] cu, int co, int rows, int p, double[] xtx, double[] xty)
    {
        var ss = 0.0;
        for (var a = 0; a < rows; a++)
        {
            var ca = cu[co + a];
            ss += ca * ca;
            var rowOffset = ro + (a * p);
            for (var j = 0; j < p; j++)
            {
                var rj = r[rowOffset + j];
                if (rj == 0)
                {
                    continue;
                }
                xty[j] -= rj * ca;
                // Lower triangle only: the Cholesky factorisation that follows reads nothing else.
                for (var k = 0; k <= j; k++)
                {
                    xtx[(j * p) + k] -= rj * r[rowOffset + k];
                }
            }
        }
        return ss;
    }

    /// <summary>Λ₂ᵀ A₂₂ Λ₂ + I for the secondary factors.</summary>
    private double[] ScaledSecondary(double[][] t)
    {
        var q2 = _c.Q2;
        var m = new double[q2 * q2];
        if (q2 == 0)
        {
            return m;
        }
        ApplyLambdaTransposeLeft(t, _c.A22, m, q2);
        // Right-multiply by Λ₂: transpose, apply Λ₂ᵀ on the left, transpose back (the result is symmetric).
        var mt = new double[q2 * q2];
        for (var i = 0; i < q2; i++)
        {
            for (var j = 0; j < q2; j++)
            {
                mt[(j * q2) + i] = m[(i * q2) + j];
            }
        }
        ApplyLambdaTransposeLeft(t, mt, m, q2);
        for (var i = 0; i < q2; i++)
        {
            m[(i * q2) + i] += 1;
        }
        return m;
    }

    /// <summary>dst (q2×cols) = Λ₂ᵀ src.</summary>
    private void ApplyLambdaTransposeLeft(double[][] t, double[] src, double[] dst, int cols)
    {
        for (var u = 0; u < _c.UnitBlock.Length; u++)
        {
            var k = _c.UnitBlock[u];
            var row = _c.UnitRow[u];
            DenseKernels.LowerTransposeTimes(t[k], _layout.Blocks[k].Terms.Count, src, row * cols, dst, row * cols, cols);
        }
    }

    /// <summary>The coupling of primary level g with the secondary factors: its L₂₁ blocks W and their updates of the right-hand sides.</summary>
    private void CoupleRight(int g, double[][] t, double[] lg, int lo, double[] rzx, int ro, double[] cu, int co,
        double[] w, double[] tmp, double[] b2, double[] c2)
    {
        var c = _c;
        int q1 = c.Q1, q2 = c.Q2, p = c.P;
        int start = c.CoupledStart[g], end = c.CoupledStart[g + 1];
        for (var e = start; e < end; e++)
        {
            var unit = c.CoupledUnits[e];
            var k = c.UnitBlock[unit];
            var qk = _layout.Blocks[k].Terms.Count;
            var off = c.CoupledOffset[e];
            DenseKernels.TimesLower(c.CoupledBlocks, off, qk, t[0], q1, tmp, 0);
            DenseKernels.LowerTransposeTimes(t[k], qk, tmp, 0, w, off, q1);
            var row = c.UnitRow[unit];
            for (var a = 0; a < qk; a++)
            {
                DenseKernels.ForwardSolve(lg, lo, q1, w, off + (a * q1), 1);
                var wo = off + (a * q1);
                for (var b = 0; b < q1; b++)
                {
                    var wab = w[wo + b];
                    c2[row + a] -= wab * cu[co + b];
                    for (var j = 0; j < p; j++)
                    {
                        b2[((row + a) * p) + j] -= wab * rzx[ro + (b * p) + j];
                    }
                }
            }
        }
    }

    /// <summary>The Schur-complement update −Σ W_e W_fᵀ of primary level g scattered into the dense M₂₂ (when no <see cref="SecondarySchurPattern"/> fits in memory).</summary>
    private void CoupleOuter(int g, double[] w, double[] m22)
    {
        var c = _c;
        int q1 = c.Q1, q2 = c.Q2;
        int start = c.CoupledStart[g], end = c.CoupledStart[g + 1];
        for (var e = start; e < end; e++)
        {
            var ue = c.CoupledUnits[e];
            int qe = _layout.Blocks[c.UnitBlock[ue]].Terms.Count, re = c.UnitRow[ue], oe = c.CoupledOffset[e];
            for (var f = start; f < end; f++)
            {
                var uf = c.CoupledUnits[f];
                int qf = _layout.Blocks[c.UnitBlock[uf]].Terms.Count, rf = c.UnitRow[uf], of = c.CoupledOffset[f];
                for (var a = 0; a < qe; a++)
                {
                    for (var b = 0; b < qf; b++)
                    {
                        var s = 0.0;
                        for (var h = 0; h < q1; h++)
                        {
                            s += w[oe + (a * q1) + h] * w[of + (b * q1) + h];
                        }
                        m22[((re + a) * q2) + rf + b] -= s;
                    }
                }
            }
        }
    }

    /// <summary>
    /// L₂₂⁻¹ applied to the q₂×p block b2 and the vector c2 in one pass over L₂₂ (its rows are read once for all p + 1
    /// right-hand sides, each held as a contiguous vector for SIMD dot products).
    /// </summary>
    private static void ForwardSolveSecondary(double[] l22, int q2, double[] b2, double[] c2, int p)
    {
        var rhs = new double[(p + 1) * q2];
        for (var i = 0; i < q2; i++)
        {
            for (var j = 0; j < p; j++)
            {
                rhs[(j * q2) + i] = b2[(i * p) + j];
            }
            rhs[(p * q2) + i] = c2[i];
        }
        for (var i = 0; i < q2; i++)
        {
            var row = new ReadOnlySpan<double>(l22, i * q2, i);
            var inv = 1 / l22[(i * q2) + i];
            for (var j = 0; j <= p; j++)
            {
                var o = j * q2;
                rhs[o + i] = (rhs[o + i] - DenseKernels.Dot(row, new ReadOnlySpan<double>(rhs, o, i))) * inv;
            }
        }
        for (var i = 0; i < q2; i++)
        {
            for (var j = 0; j < p; j++)
            {
                b2[(i * p) + j] = rhs[(j * q2) + i];
            }
            c2[i] = rhs[(p * q2) + i];
        }
    }

    /// <summary>S_g = T₁ M_g⁻¹ T₁ᵀ = (L_g⁻¹T₁ᵀ)ᵀ(L_g⁻¹T₁ᵀ), the weight of level g in the Schur complement of the secondary block.</summary>
    private void LevelSchur(double[] t1, double[] lg, int lo, double[] s, int so, double[] tmp)
    {
        var q1 = _c.Q1;
        if (q1 == 1)
        {
            var x = t1[0] / lg[lo];
            s[so] = x * x;
            return;
        }
        for (var i = 0; i < q1; i++)
        {
            for (var j = 0; j < q1; j++)
            {
                tmp[(i * q1) + j] = t1[(j * q1) + i];
            }
        }
        DenseKernels.ForwardSolve(lg, lo, q1, tmp, 0, q1);
        for (var a = 0; a < q1; a++)
        {
            for (var b = 0; b < q1; b++)
            {
                var sum = 0.0;
                for (var h = 0; h < q1; h++)
                {
                    sum += tmp[(h * q1) + a] * tmp[(h * q1) + b];
                }
                s[so + (a * q1) + b] = sum;
            }
        }
    }

    /// <summary>
    /// M₂₂ = I + Λ₂ᵀ(A₂₂ − Σ_g C_gᵀ S_g C_g)Λ₂, lower triangle, target block by target block in row-major order
    /// (see <see cref="SecondarySchurPattern"/>); the buffer is reused across evaluations unless the factor is kept.
    /// </summary>
    private double[] AssembleSecondary(SecondarySchurPattern pattern, double[][] t, double[] levelSchur, bool keep)
    {
        var c = _c;
        var q2 = c.Q2;
        double[] m;
        if (keep)
        {
            m = new double[q2 * q2];
        }
        else
        {
            m = _m22Buffer ??= new double[q2 * q2];
            Array.Clear(m);
        }
        if (pattern.Product is { } product)
        {
            AssembleScalar(pattern, product, t, levelSchur, m);
        }
        else
        {
            AssembleBlocks(pattern, t, levelSchur, m);
        }
        return m;
    }

    private void AssembleScalar(SecondarySchurPattern pattern, double[] product, double[][] t, double[] levelSchur, double[] m)
    {
        var c = _c;
        var q2 = c.Q2;
        var a22 = c.A22;
        var level = pattern.Level;
        for (var target = 0; target < pattern.TargetE.Length; target++)
        {
            int e = pattern.TargetE[target], f = pattern.TargetF[target];
            int re = c.UnitRow[e], rf = c.UnitRow[f];
            var v = a22[(re * q2) + rf];
            for (var i = pattern.Start[target]; i < pattern.Start[target + 1]; i++)
            {
                v -= levelSchur[level[i]] * product[i];
            }
            m[(re * q2) + rf] = (t[c.UnitBlock[e]][0] * v * t[c.UnitBlock[f]][0]) + (e == f ? 1 : 0);
        }
    }

    private void AssembleBlocks(SecondarySchurPattern pattern, double[][] t, double[] levelSchur, double[] m)
    {
        var c = _c;
        int q1 = c.Q1, q2 = c.Q2;
        var blocks = c.CoupledBlocks;
        var acc = new double[MaxUnitTerms() * MaxUnitTerms()];
        for (var target = 0; target < pattern.TargetE.Length; target++)
        {
            int e = pattern.TargetE[target], f = pattern.TargetF[target];
            int re = c.UnitRow[e], rf = c.UnitRow[f];
            int ke = c.UnitBlock[e], kf = c.UnitBlock[f];
            int qe = _layout.Blocks[ke].Terms.Count, qf = _layout.Blocks[kf].Terms.Count;
            for (var a = 0; a < qe; a++)
            {
                for (var b = 0; b < qf; b++)
                {
                    var v = c.A22[((re + a) * q2) + rf + b];
                    for (var i = pattern.Start[target]; i < pattern.Start[target + 1]; i++)
                    {
                        int so = pattern.Level[i] * q1 * q1, oe = pattern.OffsetE[i] + (a * q1), of = pattern.OffsetF[i] + (b * q1);
                        for (var h = 0; h < q1; h++)
                        {
                            var sh = 0.0;
                            for (var l = 0; l < q1; l++)
                            {
                                sh += levelSchur[so + (h * q1) + l] * blocks[of + l];
                            }
                            v -= blocks[oe + h] * sh;
                        }
                    }
                    acc[(a * qf) + b] = v;
                }
            }
            // (T_eᵀ acc T_f)[a, b] = Σ_{i ≥ a} Σ_{j ≥ b} T_e[i, a] acc[i, j] T_f[j, b]
            double[] te = t[ke], tf = t[kf];
            for (var a = 0; a < qe; a++)
            {
                for (var b = 0; b < qf; b++)
                {
                    var sum = 0.0;
                    for (var i = a; i < qe; i++)
                    {
                        for (var j = b; j < qf; j++)
                        {
                            sum += te[(i * qe) + a] * acc[(i * qf) + j] * tf[(j * qf) + b];
                        }
                    }
                    m[((re + a) * q2) + rf + b] = sum + (e == f && a == b ? 1 : 0);
                }
            }
        }
    }

    private int MaxUnitTerms()
    {
        var max = 1;
        for (var k = 1; k < _layout.Blocks.Count; k++)
        {
            max = Math.Max(max, _layout.Blocks[k].Terms.Count);
        }
        return max;
    }
}
