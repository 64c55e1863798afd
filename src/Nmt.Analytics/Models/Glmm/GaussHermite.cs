using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// Gauss–Hermite nodes and weights for the standard normal weight φ(t) by the Golub–Welsch (1969) algorithm:
/// the nodes are the eigenvalues of the Jacobi matrix with off-diagonal √k, the weights the squared first
/// components of its normalized eigenvectors.
/// </summary>
internal static class GaussHermite
{
    public static (double[] Nodes, double[] Weights) Nodes(int n)
    {
        if (n <= 1)
        {
            return ([0.0], [1.0]);
        }
        var jacobi = Matrix<double>.Build.Dense(n, n);
        for (var k = 1; k < n; k++)
        {
            jacobi[k, k - 1] = jacobi[k - 1, k] = Math.Sqrt(k);
        }
        var evd = jacobi.Evd(Symmetricity.Symmetric);
        var nodes = evd.EigenValues.Real().ToArray();
        var weights = Enumerable.Range(0, n).Select(i => evd.EigenVectors[0, i] * evd.EigenVectors[0, i]).ToArray();
        return (nodes, weights);
    }
}
