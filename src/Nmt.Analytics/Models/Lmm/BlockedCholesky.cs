using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Right-looking blocked Cholesky factorisation of a dense symmetric positive-definite matrix (row-major, lower
/// triangle read), as LAPACK's <c>dpotrf</c> organises it (Golub &amp; Van Loan 2013, Matrix Computations, 4th ed.,
/// alg. 4.2.10): factor a diagonal block, solve the panel below it, then subtract the panel's outer product from the
/// trailing matrix. The last step holds almost all the flops; it runs on a packed copy of the panel with a 6×8
/// register tile of fused multiply–adds, column chunk by column chunk so the packed panel stays in cache. Used for the
/// dense secondary block of crossed designs (e.g. the 1,142 lecturers and departments of lme4's InstEval), where the
/// row-by-row kernel in <see cref="DenseKernels.Cholesky"/> is memory-bound.
/// </summary>
internal static class BlockedCholesky
{
    private const int Panel = 64;
    private const int Chunk = 256;

    /// <summary>In-place lower Cholesky of the n×n matrix <paramref name="a"/>; returns log|A| or NaN if not positive definite. The upper triangle is set to 0.</summary>
    public static double Factor(double[] a, int n)
    {
        if (n < 2 * Panel || !Fma.IsSupported || !Vector256.IsHardwareAccelerated)
        {
            return DenseKernels.Cholesky(a, 0, n);
        }
        var logDet = 0.0;
        var packed = new double[Panel * (n + 8)];
        for (var k0 = 0; k0 < n; k0 += Panel)
        {
            var kb = Math.Min(Panel, n - k0);
            var ld = FactorDiagonal(a, n, k0, kb);
            if (double.IsNaN(ld))
            {
                return double.NaN;
            }
            logDet += ld;
            var r0 = k0 + kb;
            if (r0 == n)
            {
                break;
            }
            SolvePanel(a, n, k0, kb, r0);
            var stride = Pack(a, n, k0, kb, r0, packed);
            for (var jc = r0; jc < n; jc += Chunk)
            {
                UpdateChunk(a, n, k0, kb, r0, jc, Math.Min(jc + Chunk, n), packed, stride);
            }
        }
        for (var i = 0; i < n; i++)
        {
            Array.Clear(a, (i * n) + i + 1, n - i - 1);
        }
        return logDet;
    }

    /// <summary>Unblocked Cholesky of the kb×kb diagonal block at (k0, k0), whose earlier columns are already subtracted.</summary>
    private static double FactorDiagonal(double[] a, int n, int k0, int kb)
    {
        var logDet = 0.0;
        for (var j = 0; j < kb; j++)
        {
            var rowJ = new ReadOnlySpan<double>(a, ((k0 + j) * n) + k0, j);
            var d = a[((k0 + j) * n) + k0 + j] - Dot(rowJ, rowJ);
            if (!(d > 0))
            {
                return double.NaN;
            }
            d = Math.Sqrt(d);
            a[((k0 + j) * n) + k0 + j] = d;
            logDet += 2 * Math.Log(d);
            for (var i = j + 1; i < kb; i++)
            {
                var o = ((k0 + i) * n) + k0;
                a[o + j] = (a[o + j] - Dot(new ReadOnlySpan<double>(a, o, j), rowJ)) / d;
            }
        }
        return logDet;
    }

    /// <summary>Rows r0.. of the panel columns k0..k0+kb: X L_kkᵀ = A by forward substitution along each row.</summary>
    private static void SolvePanel(double[] a, int n, int k0, int kb, int r0)
    {
        for (var i = r0; i < n; i++)
        {
            var o = (i * n) + k0;
            for (var j = 0; j < kb; j++)
            {
                var lo = ((k0 + j) * n) + k0;
                a[o + j] = (a[o + j] - Dot(new ReadOnlySpan<double>(a, o, j), new ReadOnlySpan<double>(a, lo, j))) / a[lo + j];
            }
        }
    }

    /// <summary>packed[l, r] = L[r0 + r, k0 + l], rows padded with zeros to a multiple of 8; returns the row stride.</summary>
    private static int Pack(double[] a, int n, int k0, int kb, int r0, double[] packed)
    {
        var m = n - r0;
        var stride = (m + 7) & ~7;
        Array.Clear(packed, 0, kb * stride);
        for (var r = 0; r < m; r++)
        {
            var o = ((r0 + r) * n) + k0;
            for (var l = 0; l < kb; l++)
            {
                packed[(l * stride) + r] = a[o + l];
            }
        }
        return stride;
    }

    /// <summary>A[i, j] −= Σ_l L[i, k0 + l] L[j, k0 + l] for columns j in [jc, jEnd) and rows i ≥ j (6×8 tiles; the tile straddling the diagonal also writes the upper triangle, which is cleared at the end).</summary>
    private static void UpdateChunk(double[] a, int n, int k0, int kb, int r0, int jc, int jEnd, double[] packed, int stride)
    {
        var i = jc;
        for (; i + 6 <= n; i += 6)
        {
            var last = Math.Min(jEnd, i + 6);
            var j = jc;
            for (; j + 8 <= Math.Min(n, jEnd) && j < last; j += 8)
            {
                Tile6x8(a, n, k0, kb, i, j, packed, stride, j - r0);
            }
            for (var r = i; r < i + 6; r++)
            {
                ScalarRow(a, n, k0, kb, r, j, Math.Min(last, r + 1), packed, stride, r0);
            }
        }
        for (; i < n; i++)
        {
            ScalarRow(a, n, k0, kb, i, jc, Math.Min(jEnd, i + 1), packed, stride, r0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile6x8(double[] a, int n, int k0, int kb, int i, int j, double[] packed, int stride, int col)
    {
        ref var ar = ref MemoryMarshal.GetArrayDataReference(a);
        ref var pr = ref MemoryMarshal.GetArrayDataReference(packed);
        int o0 = (i * n) + k0;
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<double> c40 = default, c41 = default, c50 = default, c51 = default;
        ref var r0 = ref Unsafe.Add(ref ar, o0);
        ref var r1 = ref Unsafe.Add(ref r0, n);
        ref var r2 = ref Unsafe.Add(ref r1, n);
        ref var r3 = ref Unsafe.Add(ref r2, n);
        ref var r4 = ref Unsafe.Add(ref r3, n);
        ref var r5 = ref Unsafe.Add(ref r4, n);
        ref var p = ref Unsafe.Add(ref pr, col);
        for (var l = 0; l < kb; l++)
        {
            var p0 = Vector256.LoadUnsafe(ref p);
            var p1 = Vector256.LoadUnsafe(ref p, 4u);
            p = ref Unsafe.Add(ref p, stride);
            var a0 = Vector256.Create(Unsafe.Add(ref r0, l));
            c00 = Fma.MultiplyAdd(a0, p0, c00);
            c01 = Fma.MultiplyAdd(a0, p1, c01);
            a0 = Vector256.Create(Unsafe.Add(ref r1, l));
            c10 = Fma.MultiplyAdd(a0, p0, c10);
            c11 = Fma.MultiplyAdd(a0, p1, c11);
            a0 = Vector256.Create(Unsafe.Add(ref r2, l));
            c20 = Fma.MultiplyAdd(a0, p0, c20);
            c21 = Fma.MultiplyAdd(a0, p1, c21);
            a0 = Vector256.Create(Unsafe.Add(ref r3, l));
            c30 = Fma.MultiplyAdd(a0, p0, c30);
            c31 = Fma.MultiplyAdd(a0, p1, c31);
            a0 = Vector256.Create(Unsafe.Add(ref r4, l));
            c40 = Fma.MultiplyAdd(a0, p0, c40);
            c41 = Fma.MultiplyAdd(a0, p1, c41);
            a0 = Vector256.Create(Unsafe.Add(ref r5, l));
            c50 = Fma.MultiplyAdd(a0, p0, c50);
            c51 = Fma.MultiplyAdd(a0, p1, c51);
        }
        Subtract(ref Unsafe.Add(ref ar, (i * n) + j), c00, c01);
        Subtract(ref Unsafe.Add(ref ar, ((i + 1) * n) + j), c10, c11);
        Subtract(ref Unsafe.Add(ref ar, ((i + 2) * n) + j), c20, c21);
        Subtract(ref Unsafe.Add(ref ar, ((i + 3) * n) + j), c30, c31);
        Subtract(ref Unsafe.Add(ref ar, ((i + 4) * n) + j), c40, c41);
        Subtract(ref Unsafe.Add(ref ar, ((i + 5) * n) + j), c50, c51);
    }

    private static void Subtract(ref double target, Vector256<double> lo, Vector256<double> hi)
    {
        (Vector256.LoadUnsafe(ref target) - lo).StoreUnsafe(ref target);
        (Vector256.LoadUnsafe(ref target, 4u) - hi).StoreUnsafe(ref target, 4u);
    }

    private static void ScalarRow(double[] a, int n, int k0, int kb, int i, int jFrom, int jTo, double[] packed, int stride, int r0)
    {
        var o = (i * n) + k0;
        for (var j = jFrom; j < jTo; j++)
        {
            var s = 0.0;
            for (var l = 0; l < kb; l++)
            {
                s += a[o + l] * packed[(l * stride) + j - r0];
            }
            a[(i * n) + j] -= s;
        }
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => DenseKernels.Dot(x, y);
}
