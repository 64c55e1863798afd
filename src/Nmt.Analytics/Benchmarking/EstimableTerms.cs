using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// The columns of a full-indicator <see cref="CaseMixDesign"/> that enter the fit, decided from the pooled
/// cross-products alone (so every party combining the same summaries makes the same choice):
/// each categorical covariate's reference level (first level present, <c>(missing)</c> last, R's treatment
/// contrasts) is dropped, columns with no episodes are dropped, and a column that is a linear combination of the
/// columns kept before it is reported as aliased and dropped — as R's <c>lm</c> reports an NA coefficient.
/// </summary>
/// <param name="Indices">Indices of the kept design columns.</param>
/// <param name="Terms">Their R term names.</param>
/// <param name="References">Reference level per categorical covariate.</param>
/// <param name="Aliased">Terms dropped as linear combinations of earlier ones.</param>
public sealed record EstimableTerms(IReadOnlyList<int> Indices, IReadOnlyList<string> Terms,
    IReadOnlyDictionary<string, string> References, IReadOnlyList<string> Aliased)
{
    // Relative tolerance of the pivot, as R's lm.fit (tol = 1e-7 on the QR diagonal, squared here on XᵀX).
    private const double Tolerance = 1e-14;

    /// <summary>Chooses the estimable columns of <paramref name="design"/> from pooled statistics.</summary>
    public static EstimableTerms Select(CaseMixDesign design, CaseMixCrossProducts pooled)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(pooled);
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<int>();
        var aliased = new List<string>();
        for (var j = 0; j < design.Dimension; j++)
        {
            var column = design.Columns[j];
            if (pooled.XtX[j, j] <= 0)
            {
                continue;
            }
            if (column.Level is not null && references.TryAdd(column.Variable, column.Level))
            {
                continue;
            }
            if (IsAliased(pooled.XtX, kept, j))
            {
                aliased.Add(column.Term);
                continue;
            }
            kept.Add(j);
        }
        return new EstimableTerms(kept, kept.Select(j => design.Columns[j].Term).ToList(), references, aliased);
    }

    /// <summary>The statistics restricted to the kept columns.</summary>
    public CaseMixCrossProducts Restrict(CaseMixCrossProducts stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var p = Indices.Count;
        var xtx = new double[p, p];
        var xty = new double[p];
        for (var a = 0; a < p; a++)
        {
            xty[a] = stats.Xty[Indices[a]];
            for (var b = 0; b < p; b++)
            {
                xtx[a, b] = stats.XtX[Indices[a], Indices[b]];
            }
        }
        return CaseMixCrossProducts.FromParts(stats.Count, xtx, xty, stats.Yty);
    }

    /// <summary>The kept entries of a full design row.</summary>
    public Vector<double> Restrict(IReadOnlyList<double> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Vector<double>.Build.DenseOfEnumerable(Indices.Select(i => row[i]));
    }

    // Squared residual norm of column j after projecting on the kept columns: A_jj − A_jK A_KK⁻¹ A_Kj.
    private static bool IsAliased(Matrix<double> xtx, List<int> kept, int j)
    {
        if (kept.Count == 0)
        {
            return false;
        }
        var k = kept.ToArray();
        var akk = Matrix<double>.Build.Dense(k.Length, k.Length, (a, b) => xtx[k[a], k[b]]);
        var akj = Vector<double>.Build.Dense(k.Length, a => xtx[k[a], j]);
        var residual = xtx[j, j] - akj.DotProduct(akk.Solve(akj));
        return residual <= Tolerance * xtx[j, j] * Math.Max(1, k.Length);
    }
}
