using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Results;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Models;

/// <summary>
/// Finds aliased (linearly dependent) design columns the way R's <c>lm</c>/<c>glm</c> do: a Householder QR with
/// LINPACK <c>dqrdc2</c>'s limited column pivoting, which moves a column to the end when its remaining norm falls below
/// <c>tol</c> times its original norm. The moved columns are the ones R reports with <c>NA</c> coefficients.
/// </summary>
public static class AliasDetector
{
    /// <summary>R's default tolerance in <c>lm.fit</c>.</summary>
    public const double LmTolerance = 1e-7;

    /// <summary>For each column of <paramref name="x"/>: true when it is aliased with earlier columns.</summary>
    public static bool[] Aliased(Matrix<double> x, double tolerance = LmTolerance)
    {
        ArgumentNullException.ThrowIfNull(x);
        var n = x.RowCount;
        var p = x.ColumnCount;
        var order = Enumerable.Range(0, p).ToList();
        var columns = Enumerable.Range(0, p).Select(j => x.Column(j).ToArray()).ToList();
        var original = columns.Select(c => Norm(c, 0)).Select(v => v == 0 ? 1.0 : v).ToList();
        var kept = p;
        for (var l = 0; l < Math.Min(n, kept); l++)
        {
            while (l < kept && Norm(columns[l], l) < tolerance * original[l])
            {
                MoveToEnd(columns, l);
                MoveToEnd(original, l);
                MoveToEnd(order, l);
                kept--;
            }
            if (l >= kept || l == n - 1)
            {
                continue;
            }
            Reflect(columns, l);
        }
        var aliased = new bool[p];
        for (var position = Math.Min(kept, n); position < p; position++)
        {
            aliased[order[position]] = true;
        }
        return aliased;
    }

    /// <summary>Applies the Householder reflection that zeroes column <paramref name="l"/> below row l to the later columns.</summary>
    private static void Reflect(List<double[]> columns, int l)
    {
        var v = columns[l];
        var norm = Norm(v, l);
        if (norm == 0)
        {
            return;
        }
        if (v[l] < 0)
        {
            norm = -norm;
        }
        for (var i = l; i < v.Length; i++)
        {
            v[i] /= norm;
        }
        v[l] += 1;
        for (var j = l + 1; j < columns.Count; j++)
        {
            var c = columns[j];
            var dot = 0.0;
            for (var i = l; i < v.Length; i++)
            {
                dot += v[i] * c[i];
            }
            var t = -dot / v[l];
            for (var i = l; i < v.Length; i++)
            {
                c[i] += t * v[i];
            }
        }
        v[l] = -norm;
        for (var i = l + 1; i < v.Length; i++)
        {
            v[i] = 0;
        }
    }

    /// <summary>Euclidean norm of <paramref name="c"/> from row <paramref name="from"/> on.</summary>
    private static double Norm(double[] c, int from)
    {
        var scale = 0.0;
        for (var i = from; i < c.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(c[i]));
        }
        if (scale == 0)
        {
            return 0;
        }
        var sum = 0.0;
        for (var i = from; i < c.Length; i++)
        {
            var r = c[i] / scale;
            sum += r * r;
        }
        return scale * Math.Sqrt(sum);
    }

    private static void MoveToEnd<T>(List<T> list, int index)
    {
        var item = list[index];
        list.RemoveAt(index);
        list.Add(item);
    }

    /// <summary>
    /// The tidy Wald rows of every design column: estimates of the kept columns with √diag(<paramref name="covariance"/>)
    /// standard errors, and all-NaN rows (R's <c>NA</c>) for aliased ones.
    /// </summary>
    public static List<TermEstimate> Estimates(IReadOnlyList<string> names, bool[] aliased, Vector<double> beta, Matrix<double> covariance, double df, double confidence)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(aliased);
        ArgumentNullException.ThrowIfNull(beta);
        ArgumentNullException.ThrowIfNull(covariance);
        var result = new List<TermEstimate>(names.Count);
        var k = 0;
        for (var j = 0; j < names.Count; j++)
        {
            result.Add(aliased[j]
                ? WaldInference.Estimate(names[j], double.NaN, double.NaN, df, confidence)
                : WaldInference.Estimate(names[j], beta[k], Math.Sqrt(covariance[k, k]), df, confidence));
            k += aliased[j] ? 0 : 1;
        }
        return result;
    }
}
