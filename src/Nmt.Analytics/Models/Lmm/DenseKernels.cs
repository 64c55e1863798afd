namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Small dense kernels on row-major flat arrays (with offsets) for the per-group q×q and q×p blocks of the
/// penalized least-squares problem; allocation-free so that one deviance evaluation costs O(groups).
/// </summary>
internal static class DenseKernels
{
    /// <summary>In-place lower Cholesky of the m×m block at <paramref name="a"/>[<paramref name="o"/>]; returns log|A| or NaN if not positive definite.</summary>
    public static double Cholesky(double[] a, int o, int m)
    {
        var logDet = 0.0;
        for (var j = 0; j < m; j++)
        {
            var rowJ = new ReadOnlySpan<double>(a, o + (j * m), j);
            var d = a[o + (j * m) + j] - Dot(rowJ, rowJ);
            if (!(d > 0))
            {
                return double.NaN;
            }
            d = Math.Sqrt(d);
            a[o + (j * m) + j] = d;
            logDet += 2 * Math.Log(d);
            for (var i = j + 1; i < m; i++)
            {
                var s = a[o + (i * m) + j] - Dot(new ReadOnlySpan<double>(a, o + (i * m), j), rowJ);
                a[o + (i * m) + j] = s / d;
            }
            for (var k = j + 1; k < m; k++)
            {
                a[o + (j * m) + k] = 0;
            }
        }
        return logDet;
    }

    /// <summary>xᵀy with SIMD lanes (System.Numerics.Vector); the dense Schur-complement Cholesky is dominated by these row products.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var width = System.Numerics.Vector<double>.Count;
        var acc = System.Numerics.Vector<double>.Zero;
        var k = 0;
        for (; k <= x.Length - width; k += width)
        {
            acc += new System.Numerics.Vector<double>(x[k..]) * new System.Numerics.Vector<double>(y[k..]);
        }
        var sum = System.Numerics.Vector.Sum(acc);
        for (; k < x.Length; k++)
        {
            sum += x[k] * y[k];
        }
        return sum;
    }

    /// <summary>Solves L X = B in place (B is m×cols at <paramref name="b"/>[<paramref name="bo"/>], row-major).</summary>
    public static void ForwardSolve(double[] l, int lo, int m, double[] b, int bo, int cols)
    {
        for (var i = 0; i < m; i++)
        {
            var inv = 1.0 / l[lo + (i * m) + i];
            for (var c = 0; c < cols; c++)
            {
                var s = b[bo + (i * cols) + c];
                for (var k = 0; k < i; k++)
                {
                    s -= l[lo + (i * m) + k] * b[bo + (k * cols) + c];
                }
                b[bo + (i * cols) + c] = s * inv;
            }
        }
    }

    /// <summary>Solves Lᵀ X = B in place (B is m×cols, row-major).</summary>
    public static void BackSolveTransposed(double[] l, int lo, int m, double[] b, int bo, int cols)
    {
        for (var i = m - 1; i >= 0; i--)
        {
            var inv = 1.0 / l[lo + (i * m) + i];
            for (var c = 0; c < cols; c++)
            {
                var s = b[bo + (i * cols) + c];
                for (var k = i + 1; k < m; k++)
                {
                    s -= l[lo + (k * m) + i] * b[bo + (k * cols) + c];
                }
                b[bo + (i * cols) + c] = s * inv;
            }
        }
    }

    /// <summary>dst (m×cols) = Tᵀ src, T lower-triangular m×m (row-major).</summary>
    public static void LowerTransposeTimes(double[] t, int m, double[] src, int so, double[] dst, int dO, int cols)
    {
        for (var i = 0; i < m; i++)
        {
            for (var c = 0; c < cols; c++)
            {
                var s = 0.0;
                for (var k = i; k < m; k++)
                {
                    s += t[(k * m) + i] * src[so + (k * cols) + c];
                }
                dst[dO + (i * cols) + c] = s;
            }
        }
    }

    /// <summary>dst (rows×m) = src T, T lower-triangular m×m.</summary>
    public static void TimesLower(double[] src, int so, int rows, double[] t, int m, double[] dst, int dO)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < m; j++)
            {
                var s = 0.0;
                for (var k = j; k < m; k++)
                {
                    s += src[so + (r * m) + k] * t[(k * m) + j];
                }
                dst[dO + (r * m) + j] = s;
            }
        }
    }

    /// <summary>Inverse of a symmetric positive-definite m×m matrix from its lower Cholesky factor.</summary>
    public static double[] InverseFromCholesky(double[] l, int lo, int m)
    {
        var inv = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            inv[(i * m) + i] = 1;
        }
        ForwardSolve(l, lo, m, inv, 0, m);
        BackSolveTransposed(l, lo, m, inv, 0, m);
        return inv;
    }
}
