using System.Data.Common;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Engines;

/// <summary>
/// Runs the generated SQL in the engine that holds the rows and brings back the sufficient statistics: one pass to
/// count rows and exclusions, one per categorical column for its levels, one for the totals and, for mixed models,
/// one GROUP BY over the grouping columns for the cells.
/// </summary>
public static class EngineSummaries
{
    /// <summary>Computes the summaries of <paramref name="formula"/> over <paramref name="source"/>.</summary>
    /// <exception cref="NmtInputException">A formula the engine cannot compute, unknown columns, no usable rows, or an engine error.</exception>
    public static SufficientStatistics Compute(SqlSource source, string formula)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (design, sql) = Generate(source, formula, out var rowsRead, out var exclusions);
        var (n, xtx, xty, yty) = Totals(source, sql);
        if (n == 0)
        {
            throw new NmtInputException($"no rows left for '{design.Formula.Text}': all {rowsRead} rows have a missing value in a model variable ({exclusions.FirstOrDefault()?.Reason ?? "empty source"}, ...).");
        }
        var statistics = new SufficientStatistics
        {
            Formula = design.Formula.ToString(),
            ResponseName = design.Formula.Response!.Name,
            FixedNames = sql.FixedNames,
            Blocks = sql.Blocks,
            CellVariables = design.CellVariables,
            CellVariableIsNumeric = design.CellVariables.Select(design.IsNumeric).ToList(),
            RowsRead = rowsRead,
            Exclusions = exclusions,
            N = n,
            XtX = xtx,
            Xty = xty,
            Yty = yty,
        };
        return sql.Blocks.Count == 0 ? statistics : Cells(source, sql, statistics, design.HasClient);
    }

    /// <summary>
    /// The statements that compute the summaries (after the passes that find the categorical levels, which the
    /// design's columns depend on): the exclusion count, the totals and the cells, for running in another engine.
    /// </summary>
    public static IReadOnlyList<string> Statements(SqlSource source, string formula)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (design, sql) = Generate(source, formula, out _, out _);
        var list = new List<string> { SummarySql.Exclusions(design), sql.Totals };
        if (sql.Blocks.Count > 0)
        {
            list.Add(sql.Cells);
        }
        return list;
    }

    private sealed record Generated(SummarySql Sql, List<string> FixedNames, List<SummaryBlock> Blocks, int P, int R)
    {
        public string Totals => Sql.Totals;

        public string Cells => Sql.Cells;
    }

    private static (EngineDesign Design, Generated Sql) Generate(SqlSource source, string formula, out long rowsRead, out List<ExclusionCount> exclusions)
    {
        var design = EngineDesign.Prepare(formula, source.Columns);
        (rowsRead, exclusions) = CountExclusions(source, design);
        var levels = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var factor in design.FactorVariables)
        {
            var found = new List<string>();
            source.Query(SummarySql.Levels(design, factor), r => found.Add(r.GetString(0)));
            found.Sort(StringComparer.Ordinal);
            levels[factor] = found;
        }
        var fixedColumns = design.FixedColumns(levels);
        if (fixedColumns.Count == 0)
        {
            throw new NmtInputException($"'{design.Formula.Text}' has no coefficients to estimate.");
        }
        var blockColumns = design.BlockColumns(levels);
        var blocks = design.Formula.RandomTerms.Select((t, b) => new SummaryBlock(t.GroupName, t.GroupVariables.Select(v => v.Name).ToList(), blockColumns[b].Select(c => c.Name).ToList())).ToList();
        var sql = new SummarySql(design, fixedColumns, blockColumns.SelectMany(c => c).ToList());
        return (design, new Generated(sql, fixedColumns.Select(c => c.Name).ToList(), blocks, fixedColumns.Count, blocks.Sum(b => b.Terms.Count)));
    }

    private static (long RowsRead, List<ExclusionCount> Exclusions) CountExclusions(SqlSource source, EngineDesign design)
    {
        long read = 0;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        source.Query(SummarySql.Exclusions(design), r =>
        {
            var n = r.GetInt64(1);
            read += n;
            if (!r.IsDBNull(0))
            {
                counts[r.GetString(0)] = n;
            }
        });
        var order = design.Variables.Select(v => "missing " + v).ToList();
        return (read, counts.OrderBy(kv => order.IndexOf(kv.Key)).Select(kv => new ExclusionCount(kv.Key, kv.Value)).ToList());
    }

    private static (long N, double[] XtX, double[] Xty, double Yty) Totals(SqlSource source, Generated generated)
    {
        var p = generated.P;
        long n = 0;
        var xtx = new double[p * p];
        var xty = new double[p];
        var yty = 0.0;
        source.Query(generated.Totals, r =>
        {
            n = r.GetInt64(0);
            if (n == 0)
            {
                return;
            }
            var c = 1;
            for (var i = 0; i < p; i++)
            {
                for (var j = i; j < p; j++)
                {
                    xtx[(i * p) + j] = xtx[(j * p) + i] = r.GetDouble(c++);
                }
            }
            for (var i = 0; i < p; i++)
            {
                xty[i] = r.GetDouble(c++);
            }
            yty = r.GetDouble(c);
        });
        return (n, xtx, xty, yty);
    }

    private static SufficientStatistics Cells(SqlSource source, Generated generated, SufficientStatistics totals, bool hasClients)
    {
        var clients = new List<long>();
        int p = generated.P, r = generated.R, k = totals.CellVariables.Count;
        var keys = new List<string[]>();
        var counts = new List<long>();
        var ztz = new List<double>();
        var ztx = new List<double>();
        var zty = new List<double>();
        var square = new double[r * r];
        source.Query(generated.Cells, reader =>
        {
            var key = new string[k];
            for (var g = 0; g < k; g++)
            {
                key[g] = Key(reader, g);
            }
            keys.Add(key);
            counts.Add(reader.GetInt64(k));
            var c = k + 1;
            if (hasClients)
            {
                clients.Add(reader.GetInt64(c++));
            }
            for (var a = 0; a < r; a++)
            {
                for (var b = a; b < r; b++)
                {
                    square[(a * r) + b] = square[(b * r) + a] = reader.GetDouble(c++);
                }
            }
            ztz.AddRange(square);
            for (var i = 0; i < r * p; i++)
            {
                ztx.Add(reader.GetDouble(c++));
            }
            for (var a = 0; a < r; a++)
            {
                zty.Add(reader.GetDouble(c++));
            }
        });
        return totals.WithCells(keys, [.. counts], [.. ztz], [.. ztx], [.. zty], [.. clients]);
    }

    /// <summary>A grouping value as text: numbers as R prints them (the in-memory path's level names).</summary>
    private static string Key(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            throw new InvalidOperationException("A grouping key is NULL although the generated SQL excludes such rows.");
        }
        var value = reader.GetValue(ordinal);
        return value is string s ? s : RNumberFormat.Format(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
