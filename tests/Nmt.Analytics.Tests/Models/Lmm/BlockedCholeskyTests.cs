using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>The blocked factorisation used for the dense secondary block of crossed designs.</summary>
public sealed class BlockedCholeskyTests
{
    [Theory]
    [InlineData(129)]
    [InlineData(300)]
    [InlineData(517)]
    public void Factor_reproduces_the_matrix_and_its_log_determinant(int n)
    {
        // A = B Bᵀ / n + I with B uniform(−1, 1): positive definite with a known structure, sizes not a multiple of the panel.
        var random = new Random(n);
        var b = new double[n * n];
        for (var i = 0; i < b.Length; i++)
        {
            b[i] = (2 * random.NextDouble()) - 1;
        }
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = i == j ? 1.0 : 0.0;
                for (var k = 0; k < n; k++)
                {
                    s += b[(i * n) + k] * b[(j * n) + k] / n;
                }
                a[(i * n) + j] = s;
            }
        }
        var l = (double[])a.Clone();
        var logDet = BlockedCholesky.Factor(l, n);
        var maxError = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var k = 0; k <= Math.Min(i, j); k++)
                {
                    s += l[(i * n) + k] * l[(j * n) + k];
                }
                maxError = Math.Max(maxError, Math.Abs(s - a[(i * n) + j]));
                if (j > i)
                {
                    Assert.Equal(0.0, l[(i * n) + j]);
                }
            }
        }
        Assert.True(maxError < 1e-10, $"max |LLᵀ − A| = {maxError}");
        var reference = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n, (i, j) => a[(i * n) + j]).Cholesky().DeterminantLn;
        Assert.Equal(reference, logDet, 8);
    }

    [Fact]
    public void Factor_reports_a_matrix_that_is_not_positive_definite()
    {
        const int n = 200;
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] = i == 150 ? -1 : 1;
        }
        Assert.True(double.IsNaN(BlockedCholesky.Factor(a, n)));
    }
}
