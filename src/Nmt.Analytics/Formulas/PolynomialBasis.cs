namespace Nmt.Analytics.Formulas;

/// <summary>
/// R's <c>poly(x, degree)</c>: the orthonormal polynomial basis of the centred powers of x (stats::poly computes it
/// from the QR decomposition of [1, x−x̄, …, (x−x̄)^d] and scales every column to unit length), or with
/// <c>raw = TRUE</c> the plain powers x, x², …, x^d. Column k is the part of (x−x̄)^k orthogonal to the lower powers,
/// normalised; this is independent of the sign convention of the QR, so Gram–Schmidt (run twice for full precision,
/// Björck 1994, Linear Algebra Appl. 197:297) reproduces R's values. Missing x (NaN) stays NaN.
/// </summary>
internal static class PolynomialBasis
{
    /// <summary>The d columns of <c>poly(x, degree, raw)</c> over all rows; the orthogonal basis uses the finite rows.</summary>
    public static double[][] Columns(double[] x, int degree, bool raw)
    {
        var rows = Enumerable.Range(0, x.Length).Where(r => double.IsFinite(x[r])).ToArray();
        if (raw)
        {
            return Enumerable.Range(1, degree).Select(k => x.Select(v => Math.Pow(v, k)).ToArray()).ToArray();
        }
        var distinct = rows.Select(r => x[r]).Distinct().Count();
        if (degree >= distinct)
        {
            throw new NmtInputException($"poly(): the degree ({degree}) must be less than the number of distinct values of x ({distinct}).");
        }
        var mean = rows.Average(r => x[r]);
        var basis = new List<double[]> { rows.Select(_ => 1.0).ToArray() };
        for (var k = 1; k <= degree; k++)
        {
            var v = rows.Select(r => Math.Pow(x[r] - mean, k)).ToArray();
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var q in basis)
                {
                    var dot = Dot(v, q) / Dot(q, q);
                    for (var i = 0; i < v.Length; i++)
                    {
                        v[i] -= dot * q[i];
                    }
                }
            }
            var norm = Math.Sqrt(Dot(v, v));
            basis.Add(v.Select(e => e / norm).ToArray());
        }
        return basis.Skip(1).Select(b => Spread(b, rows, x.Length)).ToArray();
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] Spread(double[] values, int[] rows, int length)
    {
        var full = Enumerable.Repeat(double.NaN, length).ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            full[rows[i]] = values[i];
        }
        return full;
    }
}
