namespace Nmt.Analytics.Models.Glmm;

/// <summary>Cholesky solves and log-determinants of the tiny symmetric positive definite q × q systems of one group.</summary>
internal static class SmallCholesky
{
    /// <summary>Lower-triangular L with A = L Lᵀ.</summary>
    public static double[,] Factor(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }
            l[j, j] = Math.Sqrt(Math.Max(d, 1e-300));
            for (var i = j + 1; i < n; i++)
            {
                var v = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    v -= l[i, k] * l[j, k];
                }
                l[i, j] = v / l[j, j];
            }
        }
        return l;
    }

    /// <summary>A⁻¹ b.</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        var l = Factor(a);
        var n = b.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = b[i];
            for (var k = 0; k < i; k++)
            {
                v -= l[i, k] * y[k];
            }
            y[i] = v / l[i, i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var v = y[i];
            for (var k = i + 1; k < n; k++)
            {
                v -= l[k, i] * y[k];
            }
            y[i] = v / l[i, i];
        }
        return y;
    }

    /// <summary>log det(scale · A).</summary>
    public static double LogDeterminant(double[,] a, double scale)
    {
        var l = Factor(a);
        var n = a.GetLength(0);
        var sum = n * Math.Log(scale);
        for (var i = 0; i < n; i++)
        {
            sum += 2 * Math.Log(l[i, i]);
        }
        return sum;
    }
}
