namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// The per-level loop of the penalized least-squares solution written out for one grouping factor with one or two
/// random-effect terms (random intercept, or intercept + slope), the common case: the 2×2 Cholesky factor of
/// TᵀZᵢᵀZᵢT + I, R_ZX,i = Lᵢ⁻¹TᵀZᵢᵀXᵢ and c_u,i = Lᵢ⁻¹TᵀZᵢᵀyᵢ in scalar arithmetic (Bates et al. 2015, JSS 67(1),
/// eqs. 18–20), accumulating the upper triangle of R_ZXᵀR_ZX only. Same result as the general loop, ~3× faster.
/// </summary>
internal static class SmallBlockKernel
{
    /// <summary>Returns false if a factor is not positive definite; otherwise XᵀX and Xᵀy hold their Schur complements.</summary>
    public static bool Accumulate(CrossProducts c, double[] t, double[] xtx, double[] xty, out double ldL2, out double sumsq)
    {
        ldL2 = 0;
        sumsq = 0;
        var p = c.P;
        var r0 = new double[p];
        var r1 = new double[p];
        var ok = c.Q1 == 1 ? One(c, t[0], xtx, xty, r0, ref ldL2, ref sumsq) : Two(c, t, xtx, xty, r0, r1, ref ldL2, ref sumsq);
        for (var j = 0; j < p; j++)
        {
            for (var k = j + 1; k < p; k++)
            {
                xtx[(k * p) + j] = xtx[(j * p) + k];
            }
        }
        return ok;
    }

    private static bool One(CrossProducts c, double t, double[] xtx, double[] xty, double[] r, ref double ldL2, ref double sumsq)
    {
        var p = c.P;
        double[] a = c.A11, b = c.ZtX1, cy = c.Zty1;
        var logProduct = 0.0;
        for (var g = 0; g < c.G; g++)
        {
            var l = Math.Sqrt((t * t * a[g]) + 1);
            logProduct += Math.Log(l);
            var scale = t / l;
            var cu = scale * cy[g];
            sumsq += cu * cu;
            var bo = g * p;
            for (var j = 0; j < p; j++)
            {
                r[j] = scale * b[bo + j];
            }
            Update(xtx, xty, r, cu, p);
        }
        ldL2 = 2 * logProduct;
        return true;
    }

    private static bool Two(CrossProducts c, double[] t, double[] xtx, double[] xty, double[] r0, double[] r1, ref double ldL2, ref double sumsq)
    {
        var p = c.P;
        double t00 = t[0], t10 = t[2], t11 = t[3];
        double[] a = c.A11, b = c.ZtX1, cy = c.Zty1;
        for (var g = 0; g < c.G; g++)
        {
            if (!Cholesky2(t00, t10, t11, a, g * 4, out var l00, out var l10, out var l11))
            {
                return false;
            }
            ldL2 += 2 * Math.Log(l00 * l11);
            double inv00 = 1 / l00, inv11 = 1 / l11;
            var bo = g * 2 * p;
            for (var j = 0; j < p; j++)
            {
                double b0 = b[bo + j], b1 = b[bo + p + j];
                var v0 = ((t00 * b0) + (t10 * b1)) * inv00;
                r0[j] = v0;
                r1[j] = ((t11 * b1) - (l10 * v0)) * inv11;
            }
            double c0 = cy[g * 2], c1 = cy[(g * 2) + 1];
            var cu0 = ((t00 * c0) + (t10 * c1)) * inv00;
            var cu1 = ((t11 * c1) - (l10 * cu0)) * inv11;
            sumsq += (cu0 * cu0) + (cu1 * cu1);
            Update(xtx, xty, r0, cu0, p);
            Update(xtx, xty, r1, cu1, p);
        }
        return true;
    }

    /// <summary>
    /// The lower Cholesky factor [l00 0; l10 l11] of TᵀAT + I for a level's 2×2 block A (row-major at <paramref name="ao"/>)
    /// and the lower-triangular T = [t00 0; t10 t11]; false when it is not positive definite.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool Cholesky2(double t00, double t10, double t11, double[] a, int ao, out double l00, out double l10, out double l11)
    {
        double a00 = a[ao], a01 = a[ao + 1], a11 = a[ao + 3];
        var m00 = (t00 * ((a00 * t00) + (a01 * t10))) + (t10 * ((a01 * t00) + (a11 * t10))) + 1;
        var m01 = t11 * ((t00 * a01) + (t10 * a11));
        var m11 = (t11 * a11 * t11) + 1;
        l00 = Math.Sqrt(m00);
        l10 = m01 / l00;
        var d = m11 - (l10 * l10);
        l11 = d > 0 ? Math.Sqrt(d) : double.NaN;
        return d > 0;
    }

    /// <summary>
    /// One level's factor for q ≤ 2, written into the general path's arrays: L_g (row-major q×q at <paramref name="lo"/>),
    /// R_ZX,g (q×p at <paramref name="ro"/>) and c_u,g (at <paramref name="co"/>); returns log|L_g|² or NaN.
    /// </summary>
    public static double Factor(CrossProducts c, int g, double[] t, double[] lg, int lo, double[] rzx, int ro, double[] cu, int co)
    {
        var p = c.P;
        double[] a = c.A11, b = c.ZtX1, cy = c.Zty1;
        if (c.Q1 == 1)
        {
            var l = Math.Sqrt((t[0] * t[0] * a[g]) + 1);
            lg[lo] = l;
            var scale = t[0] / l;
            for (var j = 0; j < p; j++)
            {
                rzx[ro + j] = scale * b[(g * p) + j];
            }
            cu[co] = scale * cy[g];
            return 2 * Math.Log(l);
        }
        double t00 = t[0], t10 = t[2], t11 = t[3];
        if (!Cholesky2(t00, t10, t11, a, g * 4, out var l00, out var l10, out var l11))
        {
            return double.NaN;
        }
        lg[lo] = l00;
        lg[lo + 1] = 0;
        lg[lo + 2] = l10;
        lg[lo + 3] = l11;
        double inv00 = 1 / l00, inv11 = 1 / l11;
        var bo = g * 2 * p;
        for (var j = 0; j < p; j++)
        {
            double b0 = b[bo + j], b1 = b[bo + p + j];
            var v0 = ((t00 * b0) + (t10 * b1)) * inv00;
            rzx[ro + j] = v0;
            rzx[ro + p + j] = ((t11 * b1) - (l10 * v0)) * inv11;
        }
        double c0 = cy[g * 2], c1 = cy[(g * 2) + 1];
        var cu0 = ((t00 * c0) + (t10 * c1)) * inv00;
        cu[co] = cu0;
        cu[co + 1] = ((t11 * c1) - (l10 * cu0)) * inv11;
        return 2 * Math.Log(l00 * l11);
    }

    /// <summary>Upper triangle of XᵀX −= r rᵀ; Xᵀy −= r·cu.</summary>
    private static void Update(double[] xtx, double[] xty, double[] r, double cu, int p)
    {
        for (var j = 0; j < p; j++)
        {
            var rj = r[j];
            if (rj == 0)
            {
                continue;
            }
            xty[j] -= rj * cu;
            var row = j * p;
            for (var k = j; k < p; k++)
            {
                xtx[row + k] -= rj * r[k];
            }
        }
    }
}
