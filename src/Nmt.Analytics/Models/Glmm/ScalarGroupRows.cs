using MathNet.Numerics;
#if NET9_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif
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
        YLogY = Y.Select(y => y > 0 ? y * Math.Log(y) : 0).ToArray();
        DevianceConstant = Family == GlmmFamily.Poisson ? Y.Select((y, s) => (2 * SpecialFunctions.GammaLn(y + 1)) - (2 * YLogY[s]) + (2 * y)).Sum() : 0;
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

    /// <summary>y log y (0 for y = 0), for the Poisson deviance residual.</summary>
    public double[] YLogY { get; }

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
    /// μ, the weight dμ/dη and the deviance residual at η for the rows [start, end), with one exponential (and, for 0/1
    /// responses, one logarithm) per row, four rows at a time where the hardware has 256-bit vectors (.NET 9 and later): the formulas of
    /// <see cref="GlmmFamilyFunctions"/> (logit: t = e^−|η|, μ = 1/(1 + t) or t/(1 + t), deviance
    /// 2[max(η, 0) + log(1 + t) − yη]; log: μ = e^η, deviance 2[y log y − yη − y + μ]). Returns the deviance residuals' sum.
    /// </summary>
    public double EvaluateRange(int start, int end, double[] eta, double[] mu, double[] w)
    {
        var total = 0.0;
        var s = start;
#if NET9_0_OR_GREATER // Vector256.Exp and Log arrived in .NET 9
        if (Vector256.IsHardwareAccelerated)
        {
            var sum = Vector256<double>.Zero;
            for (; s + 4 <= end; s += 4)
            {
                var e = Vector256.Create(eta.AsSpan(s, 4));
                var y = Vector256.Create(Y.AsSpan(s, 4));
                Vector256<double> m, d;
                if (Family == GlmmFamily.Binomial)
                {
                    var t = Vector256.Exp(-Vector256.Abs(e));
                    var onePlus = Vector256<double>.One + t;
                    var inverse = Vector256<double>.One / onePlus;
                    m = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(e, Vector256<double>.Zero), inverse, t * inverse);
                    d = Vector256.Create(2.0) * (Vector256.Max(e, Vector256<double>.Zero) + Vector256.Log(onePlus) - (y * e));
                    (m * (Vector256<double>.One - m)).CopyTo(w.AsSpan(s, 4));
                }
                else
                {
                    m = Vector256.Exp(e);
                    d = Vector256.Create(2.0) * (Vector256.Create(YLogY.AsSpan(s, 4)) - (y * e) - y + m);
                    m.CopyTo(w.AsSpan(s, 4));
                }
                m.CopyTo(mu.AsSpan(s, 4));
                sum += d;
            }
            total = Vector256.Sum(sum);
        }
#endif
        for (; s < end; s++)
        {
            total += Evaluate(s, eta[s], out mu[s], out w[s]);
        }
        return total;
    }

    /// <summary>The scalar form of <see cref="EvaluateRange"/> for one row.</summary>
    private double Evaluate(int s, double eta, out double mu, out double w)
    {
        if (Family == GlmmFamily.Binomial)
        {
            var t = Math.Exp(-Math.Abs(eta));
            mu = eta >= 0 ? 1 / (1 + t) : t / (1 + t);
            w = mu * (1 - mu);
            return 2 * ((eta > 0 ? eta : 0) + Math.Log(1 + t) - (Y[s] * eta));
        }
        mu = Math.Exp(eta);
        w = mu;
        return 2 * (YLogY[s] - (Y[s] * eta) - Y[s] + mu);
    }

    /// <summary>The symmetric p × p matrix whose lower triangle is row-major in <paramref name="lower"/>.</summary>
    public static Matrix<double> SymmetricFromLower(double[] lower, int p) =>
        Matrix<double>.Build.Dense(p, p, (j, l) => j >= l ? lower[(j * p) + l] : lower[(l * p) + j]);

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
