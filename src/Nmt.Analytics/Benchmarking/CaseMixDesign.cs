using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// The case-mix design of an episode: intercept; numeric <c>first_pain_pre</c>, <c>n_sessions</c>, baseline
/// <c>stress</c> with a missing indicator <c>stress_missing</c> (stress set to 0 when missing); and one indicator per
/// observed level of <c>chronicity</c>, <c>condition</c>, <c>region</c>, <c>age_band</c>, <c>sex</c>, where a missing
/// value is its own level <c>(missing)</c> (indicator approach: no episode is dropped for a missing covariate).
/// The column set is fixed by the covariate list and the levels observed; designs of different data sets are
/// aligned with <see cref="Union"/> and <c>Embed</c>.
/// </summary>
public sealed class CaseMixDesign
{
    /// <summary>Name of the intercept column.</summary>
    public const string Intercept = "(Intercept)";

    /// <summary>Name of the missing-stress indicator.</summary>
    public const string StressMissing = "stress_missing";

    /// <summary>Numeric covariates, in design order (stress_missing is derived from stress).</summary>
    public static IReadOnlyList<string> Numerics { get; } = ["first_pain_pre", "n_sessions", SessionColumns.Stress, StressMissing];

    /// <summary>Categorical covariates, in design order.</summary>
    public static IReadOnlyList<string> Factors { get; } = ["chronicity", "condition", SessionColumns.Region, "age_band", "sex"];

    private readonly Dictionary<CaseMixColumn, int> _index;

    private CaseMixDesign(IReadOnlyList<CaseMixColumn> columns)
    {
        Columns = columns;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
    }

    /// <summary>The design columns in canonical order.</summary>
    public IReadOnlyList<CaseMixColumn> Columns { get; }

    /// <summary>Number of columns.</summary>
    public int Dimension => Columns.Count;

    /// <summary>The design with the levels observed in an episode table (absent covariate columns count as missing).</summary>
    public static CaseMixDesign Observe(ColumnTable episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var levels = Factors.Select(f => FactorValues(episodes, f).Select(v => v ?? CaseMixColumn.MissingLevel)
            .Select(l => new CaseMixColumn(f, l)));
        return Canonical(levels.SelectMany(l => l));
    }

    /// <summary>The design from stored columns (e.g. a shared summary), checked against the covariate list.</summary>
    /// <exception cref="NmtInputException">A column the case-mix model does not know.</exception>
    public static CaseMixDesign FromColumns(IEnumerable<CaseMixColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var list = columns.ToList();
        foreach (var c in list)
        {
            var known = c.Level is null
                ? c.Variable == Intercept || Numerics.Contains(c.Variable, StringComparer.Ordinal)
                : Factors.Contains(c.Variable, StringComparer.Ordinal);
            if (!known)
            {
                throw new NmtInputException($"the summary's design has an unknown column '{c.Term}'; it was built with a different case-mix model.");
            }
        }
        var design = Canonical(list.Where(c => c.Level is not null));
        if (design.Dimension != list.Distinct().Count())
        {
            throw new NmtInputException("the summary's design lacks the standard intercept and numeric columns; it was built with a different case-mix model.");
        }
        return design;
    }

    /// <summary>The smallest design containing every column of <paramref name="designs"/>.</summary>
    public static CaseMixDesign Union(IEnumerable<CaseMixDesign> designs)
    {
        ArgumentNullException.ThrowIfNull(designs);
        return Canonical(designs.SelectMany(d => d.Columns).Where(c => c.Level is not null));
    }

    /// <summary>Re-expresses statistics built on <paramref name="source"/> (a sub-design of this one) in this design by zero-padding.</summary>
    public CaseMixCrossProducts Embed(CaseMixCrossProducts stats, CaseMixDesign source)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(source);
        var map = source.Columns.Select(c => _index.TryGetValue(c, out var i) ? i
            : throw new InvalidOperationException($"column {c.Term} is not part of the target design.")).ToArray();
        var xtx = new double[Dimension, Dimension];
        var xty = new double[Dimension];
        for (var a = 0; a < map.Length; a++)
        {
            xty[map[a]] = stats.Xty[a];
            for (var b = 0; b < map.Length; b++)
            {
                xtx[map[a], map[b]] = stats.XtX[a, b];
            }
        }
        return CaseMixCrossProducts.FromParts(stats.Count, xtx, xty, stats.Yty);
    }

    /// <summary>Re-expresses a row or column totals built on <paramref name="source"/> in this design by zero-padding.</summary>
    public double[] Embed(IReadOnlyList<double> values, CaseMixDesign source)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(source);
        var result = new double[Dimension];
        for (var a = 0; a < source.Dimension; a++)
        {
            result[_index[source.Columns[a]]] = values[a];
        }
        return result;
    }

    /// <summary>The design row of episode <paramref name="row"/> (full indicator coding).</summary>
    public double[] Row(ColumnTable episodes, int row)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var x = new double[Dimension];
        x[0] = 1;
        x[1] = episodes.Numeric("first_pain_pre")[row];
        x[2] = episodes.Numeric("n_sessions")[row];
        var stress = episodes.TryGetColumn(SessionColumns.Stress, out var s) && s is NumericColumn sn ? sn[row] : double.NaN;
        (x[3], x[4]) = double.IsNaN(stress) ? (0, 1) : (stress, 0);
        foreach (var factor in Factors)
        {
            var level = FactorValue(episodes, factor, row) ?? CaseMixColumn.MissingLevel;
            x[_index[new CaseMixColumn(factor, level)]] = 1;
        }
        return x;
    }

    private static CaseMixDesign Canonical(IEnumerable<CaseMixColumn> levelColumns)
    {
        var columns = new List<CaseMixColumn> { new(Intercept, null) };
        columns.AddRange(Numerics.Select(n => new CaseMixColumn(n, null)));
        var distinct = levelColumns.Distinct().ToList();
        foreach (var factor in Factors)
        {
            columns.AddRange(distinct.Where(c => c.Variable == factor)
                .OrderBy(c => c.Level == CaseMixColumn.MissingLevel ? 1 : 0)
                .ThenBy(c => c.Level, StringComparer.Ordinal));
        }
        return new CaseMixDesign(columns);
    }

    private static IEnumerable<string?> FactorValues(ColumnTable episodes, string factor) =>
        Enumerable.Range(0, episodes.RowCount).Select(r => FactorValue(episodes, factor, r)).Distinct();

    private static string? FactorValue(ColumnTable episodes, string factor, int row) =>
        episodes.TryGetColumn(factor, out var column) ? CellKey.Of(column, row) : null;
}
