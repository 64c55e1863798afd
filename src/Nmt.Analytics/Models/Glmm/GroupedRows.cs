using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// The rows of a GLMM frame arranged by group for the penalized IRLS loops: responses, the random-effects design
/// (row-major n × q), rows sorted by group, and the per-group blocks of Λ'Z'WZΛ + I with their Cholesky factors.
/// </summary>
internal sealed class GroupedRows
{
    public GroupedRows(ModelFrame frame, GlmmFamily family)
    {
        Family = family;
        Y = frame.Y.ToArray();
        var block = frame.RandomBlocks[0];
        Q = block.Terms.Count;
        Groups = block.Levels.Count;
        Z = new double[frame.Count * Q];
        for (var i = 0; i < frame.Count; i++)
        {
            for (var k = 0; k < Q; k++)
            {
                Z[(i * Q) + k] = block.Z[i, k];
            }
        }
        (Order, Start) = GroupRows(block.GroupIndex, Groups);
    }

    public GlmmFamily Family { get; }

    public double[] Y { get; }

    /// <summary>Random-effects design, row-major n × q.</summary>
    public double[] Z { get; }

    /// <summary>Rows sorted by group; group g's rows are <c>Order[Start[g] .. Start[g + 1])</c>.</summary>
    public int[] Order { get; }

    public int[] Start { get; }

    public int Q { get; }

    public int Groups { get; }

    public int Count => Y.Length;

    /// <summary>Number of θ parameters (lower triangle of Λ, column-major as lme4).</summary>
    public int ThetaCount => Q * (Q + 1) / 2;

    /// <summary>Λ (q × q lower triangular) from θ, column-major lower triangle as lme4.</summary>
    public double[,] Lambda(ReadOnlySpan<double> theta)
    {
        var lambda = new double[Q, Q];
        var t = 0;
        for (var c = 0; c < Q; c++)
        {
            for (var r = c; r < Q; r++)
            {
                lambda[r, c] = theta[t++];
            }
        }
        return lambda;
    }

    /// <summary>b = Λu for group g (u read from <paramref name="u"/> at g·q), written to <paramref name="b"/>.</summary>
    public void Times(double[,] lambda, double[] u, int g, double[] b)
    {
        for (var r = 0; r < Q; r++)
        {
            var v = 0.0;
            for (var c = 0; c <= r; c++)
            {
                v += lambda[r, c] * u[(g * Q) + c];
            }
            b[r] = v;
        }
    }

    /// <summary>z_i · b.</summary>
    public double Dot(int row, double[] b)
    {
        var v = 0.0;
        for (var k = 0; k < Q; k++)
        {
            v += Z[(row * Q) + k] * b[k];
        }
        return v;
    }

    /// <summary>
    /// H = Λ' A Λ + I from the lower triangle of A (q × q, <paramref name="a"/>), Cholesky-factored into
    /// <paramref name="factor"/> at <paramref name="offset"/> (row-major, lower); returns log|H|.
    /// </summary>
    public double FactorPenalized(double[,] lambda, double[] a, double[] factor, int offset)
    {
        for (var r = 0; r < Q; r++)
        {
            for (var c = 0; c <= r; c++)
            {
                var v = 0.0;
                for (var k = 0; k < Q; k++)
                {
                    for (var l = 0; l < Q; l++)
                    {
                        v += lambda[k, r] * (k >= l ? a[(k * Q) + l] : a[(l * Q) + k]) * lambda[l, c];
                    }
                }
                factor[offset + (r * Q) + c] = v + (r == c ? 1 : 0);
            }
        }
        var logDet = 0.0;
        for (var j = 0; j < Q; j++)
        {
            var d = factor[offset + (j * Q) + j];
            for (var k = 0; k < j; k++)
            {
                d -= factor[offset + (j * Q) + k] * factor[offset + (j * Q) + k];
            }
            var ljj = Math.Sqrt(Math.Max(d, 1e-300));
            factor[offset + (j * Q) + j] = ljj;
            logDet += 2 * Math.Log(ljj);
            for (var i = j + 1; i < Q; i++)
            {
                var v = factor[offset + (i * Q) + j];
                for (var k = 0; k < j; k++)
                {
                    v -= factor[offset + (i * Q) + k] * factor[offset + (j * Q) + k];
                }
                factor[offset + (i * Q) + j] = v / ljj;
            }
        }
        return logDet;
    }

    /// <summary>Solves L x = b in place (L lower, row-major q × q at <paramref name="offset"/>).</summary>
    public void ForwardSolve(double[] factor, int offset, double[] b)
    {
        for (var i = 0; i < Q; i++)
        {
            var v = b[i];
            for (var k = 0; k < i; k++)
            {
                v -= factor[offset + (i * Q) + k] * b[k];
            }
            b[i] = v / factor[offset + (i * Q) + i];
        }
    }

    /// <summary>Solves Lᵀ x = b in place.</summary>
    public void BackSolve(double[] factor, int offset, double[] b)
    {
        for (var i = Q - 1; i >= 0; i--)
        {
            var v = b[i];
            for (var k = i + 1; k < Q; k++)
            {
                v -= factor[offset + (k * Q) + i] * b[k];
            }
            b[i] = v / factor[offset + (i * Q) + i];
        }
    }

    /// <summary>Rows sorted by group (a counting sort) and each group's start.</summary>
    private static (int[] Order, int[] Start) GroupRows(int[] groupIndex, int groups)
    {
        var start = new int[groups + 1];
        foreach (var g in groupIndex)
        {
            start[g + 1]++;
        }
        for (var g = 0; g < groups; g++)
        {
            start[g + 1] += start[g];
        }
        var next = (int[])start.Clone();
        var order = new int[groupIndex.Length];
        for (var i = 0; i < groupIndex.Length; i++)
        {
            order[next[groupIndex[i]]++] = i;
        }
        return (order, start);
    }
}
