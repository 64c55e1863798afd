using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// The rows of a GLMM with one scalar random effect (such as <c>(1 | client_id)</c>) copied into group order, so
/// that each group's rows are one contiguous range: responses, the random-effect column z, the fixed-effects design
/// row-major, and a fixed partition of the groups into chunks. Given (θ, β) the groups are independent (Bates et al.
/// 2015, JSS 67(1), sect. 5: Λ'Z'WZΛ + I is diagonal), so the penalized IRLS passes run chunk by chunk on all cores;
/// each chunk's partial sums are added in chunk order, so results do not depend on the number of threads or their
/// timing.
/// </summary>
internal sealed class ScalarGroupRows
{
    /// <summary>Groups per chunk at the least: below this a pass runs on the calling thread.</summary>
    private const int MinGroupsPerChunk = 2048;

    private const int MaxChunks = 64;

    public ScalarGroupRows(GroupedRows rows, Matrix<double> x)
    {
        Family = rows.Family;
        Count = rows.Count;
        Groups = rows.Groups;
        P = x.ColumnCount;
        Start = rows.Start;
        Order = rows.Order;
        Y = new double[Count];
        Z = new double[Count];
        X = new double[Count * P];
        var columns = x.ToColumnArrays();
        for (var s = 0; s < Count; s++)
        {
            var i = rows.Order[s];
            Y[s] = rows.Y[i];
            Z[s] = rows.Z[i];
            for (var j = 0; j < P; j++)
            {
                X[(s * P) + j] = columns[j][i];
            }
        }
        DevianceConstant = Family == GlmmFamily.Poisson ? Y.Sum(y => (2 * SpecialFunctions.GammaLn(y + 1)) - (2 * (y > 0 ? y * Math.Log(y) : 0)) + (2 * y)) : 0;
        var chunks = Math.Clamp(Groups / MinGroupsPerChunk, 1, MaxChunks);
        ChunkStart = Enumerable.Range(0, chunks + 1).Select(c => (int)((long)Groups * c / chunks)).ToArray();
    }

    public GlmmFamily Family { get; }

    public int Count { get; }

    public int Groups { get; }

    /// <summary>Fixed-effects columns.</summary>
    public int P { get; }

    /// <summary>Group g's rows are <c>[Start[g], Start[g + 1])</c> in group order.</summary>
    public int[] Start { get; }

    /// <summary>Original row of each group-ordered row.</summary>
    public int[] Order { get; }

    public double[] Y { get; }

    public double[] Z { get; }

    /// <summary>Fixed-effects design in group order, row-major n × p.</summary>
    public double[] X { get; }

    /// <summary>Σ (−2 log p(y | μ) − deviance residual), which does not depend on μ (0 for 0/1 responses).</summary>
    public double DevianceConstant { get; }

    /// <summary>Chunk c holds groups <c>[ChunkStart[c], ChunkStart[c + 1])</c>.</summary>
    public int[] ChunkStart { get; }

    public int Chunks => ChunkStart.Length - 1;

    /// <summary>Runs <paramref name="body"/>(chunk, first group, end group) for every chunk, in parallel when there are several.</summary>
    public void ForEachChunk(Action<int, int, int> body)
    {
        if (Chunks == 1)
        {
            body(0, 0, Groups);
            return;
        }
        Parallel.For(0, Chunks, c => body(c, ChunkStart[c], ChunkStart[c + 1]));
    }

    /// <summary>x_s · β for group-ordered row s.</summary>
    public double Linear(int s, double[] beta)
    {
        var v = 0.0;
        var at = s * P;
        for (var j = 0; j < beta.Length; j++)
        {
            v += X[at + j] * beta[j];
        }
        return v;
    }

    /// <summary>
    /// μ, the weight dμ/dη and the deviance residual at η with one exponential (and, for 0/1 responses, one logarithm):
    /// the same formulas as <see cref="GlmmFamilyFunctions"/>.
    /// </summary>
    public double Evaluate(int s, double eta, out double mu, out double w)
    {
        if (Family == GlmmFamily.Binomial)
        {
            var t = Math.Exp(-Math.Abs(eta));
            mu = eta >= 0 ? 1 / (1 + t) : t / (1 + t);
            w = mu * (1 - mu);
            var softplus = (eta > 0 ? eta : 0) + Math.Log(1 + t);
            return -2 * ((Y[s] * eta) - softplus);
        }
        mu = Math.Exp(eta);
        w = mu;
        var y = Y[s];
        return 2 * ((y > 0 ? y * (Math.Log(y) - eta) : 0) - y + mu);
    }

    /// <summary>The chunks' partial sums added in chunk order.</summary>
    public static double Sum(double[] partial)
    {
        var total = 0.0;
        foreach (var v in partial)
        {
            total += v;
        }
        return total;
    }
}
