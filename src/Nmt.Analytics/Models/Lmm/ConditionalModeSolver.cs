namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Conditional modes b̂ = Λ_θ û with Lᵀ û = c_u − R_ZX β̂ (Bates et al. 2015, JSS 67(1), eq. 19), and their
/// conditional variances σ² Λ_θ (L_θL_θᵀ)⁻¹ Λ_θᵀ (diagonal blocks), as lme4's <c>ranef(condVar = TRUE)</c>.
/// </summary>
internal static class ConditionalModeSolver
{
    public static List<ConditionalMode> Solve(ThetaLayout layout, CrossProducts c, PlsEvaluation fit, double sigma)
    {
        var f = fit.Factors ?? throw new InvalidOperationException("Factors were not kept.");
        int q1 = c.Q1, q2 = c.Q2, p = c.P;
        var beta = fit.Beta.Select((b, j) => b - c.Gamma[j]).ToArray();
        var u2 = new double[q2];
        for (var r = 0; r < q2; r++)
        {
            u2[r] = f.Cu2[r] - Dot(f.R2, r * p, beta, p);
        }
        double[] v22 = [];
        if (q2 > 0)
        {
            DenseKernels.BackSolveTransposed(f.L22, 0, q2, u2, 0, 1);
            v22 = DenseKernels.InverseFromCholesky(f.L22, 0, q2);
        }
        var modes = new List<ConditionalMode>(layout.Blocks.Sum(b => b.Levels.Count * b.Terms.Count));
        var primary = layout.Blocks[0];
        var b1 = new double[c.G * q1];
        var se1 = new double[c.G * q1];
        var t = new double[q1];
        var k = new double[q1 * q1];
        var lgInv = new double[q1 * q1];
        var v = new double[q1 * q1];
        var cov = new double[q1 * q1];
        for (var g = 0; g < c.G; g++)
        {
            for (var a = 0; a < q1; a++)
            {
                t[a] = f.Cu1[(g * q1) + a] - Dot(f.Rzx1, ((g * q1) + a) * p, beta, p);
            }
            Array.Clear(k);
            for (var e = c.CoupledStart[g]; e < c.CoupledStart[g + 1]; e++)
            {
                AddCoupling(layout, c, f, u2, v22, g, e, t, k);
            }
            DenseKernels.BackSolveTransposed(f.Lg, g * q1 * q1, q1, t, 0, 1);
            var bg = LowerTimesVector(f.T[0], q1, t);
            // (LLᵀ)⁻¹ block = L_g⁻ᵀ (I + Σ W_eᵀ V₂₂ W_f) L_g⁻¹ (block inverse of the two-level factor).
            for (var a = 0; a < q1; a++)
            {
                k[(a * q1) + a] += 1;
            }
            LowerInverse(f.Lg, g * q1 * q1, q1, lgInv);
            Sandwich(lgInv, k, q1, transposeOuter: true, v);
            Sandwich(f.T[0], v, q1, transposeOuter: false, cov);
            for (var a = 0; a < q1; a++)
            {
                b1[(g * q1) + a] = bg[a];
                se1[(g * q1) + a] = sigma * Math.Sqrt(Math.Max(0, cov[(a * q1) + a]));
            }
        }
        for (var a = 0; a < q1; a++)
        {
            for (var g = 0; g < c.G; g++)
            {
                modes.Add(new ConditionalMode(primary.Group, primary.Levels[g], primary.Terms[a], b1[(g * q1) + a], se1[(g * q1) + a]));
            }
        }
        for (var kb = 1; kb < layout.Blocks.Count; kb++)
        {
            modes.AddRange(SecondaryModes(layout, c, f, u2, v22, kb, sigma));
        }
        return modes;
    }

    private static IEnumerable<ConditionalMode> SecondaryModes(ThetaLayout layout, CrossProducts c, PlsFactors f, double[] u2, double[] v22, int kb, double sigma)
    {
        var block = layout.Blocks[kb];
        var qk = block.Terms.Count;
        var q2 = c.Q2;
        var est = new double[block.Levels.Count * qk];
        var se = new double[block.Levels.Count * qk];
        for (var l = 0; l < block.Levels.Count; l++)
        {
            var row = c.UnitRow[c.BlockUnitOffset[kb] + l];
            var b = LowerTimesVector(f.T[kb], qk, u2.AsSpan(row, qk).ToArray());
            var v = new double[qk * qk];
            for (var a = 0; a < qk; a++)
            {
                for (var d = 0; d < qk; d++)
                {
                    v[(a * qk) + d] = v22[((row + a) * q2) + row + d];
                }
            }
            var cov = new double[qk * qk];
            Sandwich(f.T[kb], v, qk, transposeOuter: false, cov);
            for (var a = 0; a < qk; a++)
            {
                est[(l * qk) + a] = b[a];
                se[(l * qk) + a] = sigma * Math.Sqrt(Math.Max(0, cov[(a * qk) + a]));
            }
        }
        for (var a = 0; a < qk; a++)
        {
            for (var l = 0; l < block.Levels.Count; l++)
            {
                yield return new ConditionalMode(block.Group, block.Levels[l], block.Terms[a], est[(l * qk) + a], se[(l * qk) + a]);
            }
        }
    }

    /// <summary>t −= W_eᵀ û₂[e]; k += Σ_f W_eᵀ V₂₂[e,f] W_f over the units coupled with this primary level.</summary>
    private static void AddCoupling(ThetaLayout layout, CrossProducts c, PlsFactors f, double[] u2, double[] v22, int g, int e, double[] t, double[] k)
    {
        var q1 = c.Q1;
        var q2 = c.Q2;
        var ue = c.CoupledUnits[e];
        int qe = layout.Blocks[c.UnitBlock[ue]].Terms.Count, re = c.UnitRow[ue], oe = c.CoupledOffset[e];
        for (var a = 0; a < qe; a++)
        {
            for (var h = 0; h < q1; h++)
            {
                t[h] -= f.W[oe + (a * q1) + h] * u2[re + a];
            }
        }
        for (var ff = c.CoupledStart[g]; ff < c.CoupledStart[g + 1]; ff++)
        {
            var uf = c.CoupledUnits[ff];
            int qf = layout.Blocks[c.UnitBlock[uf]].Terms.Count, rf = c.UnitRow[uf], of = c.CoupledOffset[ff];
            for (var a = 0; a < qe; a++)
            {
                for (var b = 0; b < qf; b++)
                {
                    var vab = v22[((re + a) * q2) + rf + b];
                    for (var h = 0; h < q1; h++)
                    {
                        for (var h2 = 0; h2 < q1; h2++)
                        {
                            k[(h * q1) + h2] += f.W[oe + (a * q1) + h] * vab * f.W[of + (b * q1) + h2];
                        }
                    }
                }
            }
        }
    }

    private static double Dot(double[] a, int offset, double[] b, int n)
    {
        var s = 0.0;
        for (var j = 0; j < n; j++)
        {
            s += a[offset + j] * b[j];
        }
        return s;
    }

    private static double[] LowerTimesVector(double[] t, int q, double[] u)
    {
        var r = new double[q];
        for (var i = 0; i < q; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                r[i] += t[(i * q) + j] * u[j];
            }
        }
        return r;
    }

    private static void LowerInverse(double[] l, int lo, int q, double[] inv)
    {
        Array.Clear(inv);
        for (var i = 0; i < q; i++)
        {
            inv[(i * q) + i] = 1;
        }
        DenseKernels.ForwardSolve(l, lo, q, inv, 0, q);
    }

    /// <summary>r = A M Aᵀ, or Aᵀ M A if <paramref name="transposeOuter"/>.</summary>
    private static void Sandwich(double[] a, double[] m, int q, bool transposeOuter, double[] r)
    {
        for (var i = 0; i < q; i++)
        {
            for (var j = 0; j < q; j++)
            {
                var s = 0.0;
                for (var k = 0; k < q; k++)
                {
                    for (var l = 0; l < q; l++)
                    {
                        var aik = transposeOuter ? a[(k * q) + i] : a[(i * q) + k];
                        var ajl = transposeOuter ? a[(l * q) + j] : a[(j * q) + l];
                        s += aik * m[(k * q) + l] * ajl;
                    }
                }
                r[(i * q) + j] = s;
            }
        }
    }
}
