using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Nmt.Analytics.Inference;

/// <summary>
/// The hypothesis matrix L (rows over the coefficients) tested for each term, as the R packages build them:
/// type III as lmerTest's <c>get_contrasts_type3</c> (SAS type III, independent of the contrast coding; equal to
/// car's type III under sum-to-zero contrasts), type II as lmerTest's <c>get_contrasts_type2_unfolded</c> (mixed
/// models) or car's <c>Anova.II</c> (conjugate complement of the relatives in the covariance metric, G. Monette).
/// </summary>
internal static class AnovaHypotheses
{
    /// <summary>
    /// lmerTest's extract_contrasts_type3: L = (X⁺ X_full)ᵀ, term columns orthogonalized against containing terms.
    /// lmerTest rounds L to 7 significant digits (<paramref name="zap"/>); car's sum-to-zero fit is exact, so linear
    /// models and GLMs skip the rounding.
    /// </summary>
    public static List<Matrix<double>> TypeThree(ModelTerms terms, Matrix<double> x, IReadOnlyList<string> names, bool zap)
    {
        Matrix<double> Zap(Matrix<double> m) => zap ? AnovaHypotheses.Zap(m) : m;
        var (full, fullNames) = terms.FullIndicatorDesign();
        var map = x.QR(QRMethod.Thin).Solve(full); // p × m: X⁺ X_full for a full-rank X
        var l = Zap(map.Transpose()); // m × p
        var order = Enumerable.Range(0, terms.Terms.Count).OrderByDescending(t => terms.Terms[t].Order).ThenBy(t => t);
        foreach (var t in order)
        {
            var containers = Enumerable.Range(0, terms.Terms.Count).Where(o => terms.ContainedIn(t, o)).SelectMany(terms.Columns).ToArray();
            if (containers.Length == 0)
            {
                continue;
            }
            var own = terms.Columns(t);
            var basis = Columns(l, containers);
            var target = Columns(l, own);
            var residual = target - (basis * LeastSquares(basis, target));
            for (var k = 0; k < own.Length; k++)
            {
                l.SetColumn(own[k], Zap(residual).Column(k));
            }
        }
        var keep = names.Select(n => fullNames.IndexOf(n)).ToArray();
        if (keep.Any(i => i < 0))
        {
            throw new InvalidOperationException("Design column names are missing from the full indicator design.");
        }
        var square = Matrix<double>.Build.Dense(keep.Length, l.ColumnCount, (i, j) => l[keep[i], j]);
        return Enumerable.Range(0, terms.Terms.Count).Select(t => NonZeroRows(Columns(square, terms.Columns(t)).Transpose())).ToList();
    }

    /// <summary>lmerTest's type II: marginal for terms no other term contains; otherwise Doolittle (type I) rows with the term's columns after unrelated ones and before its containers.</summary>
    public static List<Matrix<double>> TypeTwoMixed(ModelTerms terms, Matrix<double> x)
    {
        var p = x.ColumnCount;
        var result = new List<Matrix<double>>();
        var crossProduct = x.TransposeThisAndMultiply(x);
        for (var t = 0; t < terms.Terms.Count; t++)
        {
            var own = terms.Columns(t);
            var containers = Enumerable.Range(0, terms.Terms.Count).Where(o => terms.ContainedIn(t, o)).SelectMany(terms.Columns).ToArray();
            if (containers.Length == 0)
            {
                result.Add(Matrix<double>.Build.Dense(own.Length, p, (i, j) => j == own[i] ? 1 : 0));
                continue;
            }
            var moved = own.Concat(containers).ToHashSet();
            var order = Enumerable.Range(0, p).Where(j => !moved.Contains(j)).Concat(own).Concat(containers).ToArray();
            var reordered = Matrix<double>.Build.Dense(p, p, (i, j) => crossProduct[order[i], order[j]]);
            var unitUpper = DoolittleL(reordered).Transpose();
            var first = p - own.Length - containers.Length;
            var rows = Matrix<double>.Build.Dense(own.Length, p);
            for (var i = 0; i < own.Length; i++)
            {
                for (var j = 0; j < p; j++)
                {
                    rows[i, order[j]] = unitUpper[first + i, j];
                }
            }
            result.Add(rows);
        }
        return result;
    }

    /// <summary>car's type II: the part of span(term ∪ relatives) conjugate (in the metric V) to span(relatives).</summary>
    public static List<Matrix<double>> TypeTwoCar(ModelTerms terms, Matrix<double> covariance)
    {
        var p = covariance.RowCount;
        var result = new List<Matrix<double>>();
        for (var t = 0; t < terms.Terms.Count; t++)
        {
            var relatives = Enumerable.Range(0, terms.Terms.Count).Where(o => terms.RelativeOf(t, o)).SelectMany(terms.Columns).ToArray();
            var own = terms.Columns(t);
            var z = Identity(p, relatives.Concat(own).ToArray()); // p × m
            if (relatives.Length == 0)
            {
                result.Add(z.Transpose());
                continue;
            }
            var a = z.TransposeThisAndMultiply(covariance) * Identity(p, relatives); // m × r
            var q = a.QR(QRMethod.Full).Q;
            var complement = q.SubMatrix(0, q.RowCount, relatives.Length, q.ColumnCount - relatives.Length);
            result.Add(NonZeroRows((z * complement).Transpose()));
        }
        return result;
    }

    /// <summary>Unit lower-triangular L of the Doolittle factorization A = L·U (lmerTest's doolittle, entries below 1e-6 zeroed).</summary>
    private static Matrix<double> DoolittleL(Matrix<double> a)
    {
        var n = a.RowCount;
        var l = Matrix<double>.Build.DenseIdentity(n);
        var u = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var v = a[i, j];
                for (var k = 0; k < i; k++)
                {
                    v -= l[i, k] * u[k, j];
                }
                u[i, j] = v;
            }
            for (var j = i + 1; j < n; j++)
            {
                var v = a[j, i];
                for (var k = 0; k < i; k++)
                {
                    v -= l[j, k] * u[k, i];
                }
                l[j, i] = Math.Abs(u[i, i]) < 1e-6 ? 0 : v / u[i, i];
            }
        }
        l.MapInplace(v => Math.Abs(v) < 1e-6 ? 0 : v);
        return l;
    }

    private static Matrix<double> LeastSquares(Matrix<double> x, Matrix<double> y) => x.Svd(true).Solve(y);

    private static Matrix<double> Identity(int p, int[] columns) => Matrix<double>.Build.Dense(p, columns.Length, (i, j) => i == columns[j] ? 1 : 0);

    private static Matrix<double> Columns(Matrix<double> m, int[] columns) =>
        Matrix<double>.Build.Dense(m.RowCount, columns.Length, (i, j) => m[i, columns[j]]);

    private static Matrix<double> NonZeroRows(Matrix<double> m)
    {
        var rows = Enumerable.Range(0, m.RowCount).Where(i => m.Row(i).AbsoluteMaximum() > 1e-8).ToArray();
        return Matrix<double>.Build.Dense(rows.Length, m.ColumnCount, (i, j) => m[rows[i], j]);
    }

    /// <summary>R's zapsmall (7 digits relative to the largest entry).</summary>
    private static Matrix<double> Zap(Matrix<double> m)
    {
        var largest = m.Enumerate().Select(Math.Abs).DefaultIfEmpty(0).Max();
        var digits = largest > 0 ? Math.Max(0, 7 - (int)Math.Ceiling(Math.Log10(largest))) : 7;
        return m.Map(v => Math.Round(v, Math.Min(digits, 15)));
    }
}
