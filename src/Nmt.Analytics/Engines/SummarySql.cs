using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Engines;

/// <summary>
/// The generated statements, in portable ANSI SQL (a common table expression, CASE, CAST, GROUP BY, COUNT and SUM of
/// products; no engine-specific function), reading <see cref="SqlSource.Relation"/>. Each is one pass over the rows:
/// the engine's cost is O(rows), the result O(cells).
/// </summary>
internal sealed class SummarySql
{
    private readonly EngineDesign _design;
    private readonly List<SqlColumn> _fixed;
    private readonly List<SqlColumn> _random;

    public SummarySql(EngineDesign design, List<SqlColumn> fixedColumns, List<SqlColumn> randomColumns)
    {
        _design = design;
        _fixed = fixedColumns;
        _random = randomColumns;
    }

    /// <summary>Rows read and rows left out, by reason (NULL reason: used).</summary>
    public static string Exclusions(EngineDesign design) =>
        $"SELECT reason, COUNT(*) AS n FROM (SELECT {design.ReasonExpression} AS reason FROM {SqlSource.Relation}) AS nmt_reasons GROUP BY reason";

    /// <summary>The levels of a categorical column among the rows used.</summary>
    public static string Levels(EngineDesign design, string column) =>
        $"SELECT DISTINCT {SqlText.Identifier(column)} FROM {SqlSource.Relation} WHERE {design.CompleteCondition}";

    /// <summary>n, XᵀX (upper triangle, row by row), Xᵀy and yᵀy over the rows used.</summary>
    public string Totals
    {
        get
        {
            var sums = new List<string> { "COUNT(*) AS n" };
            for (var i = 0; i < _fixed.Count; i++)
            {
                for (var j = i; j < _fixed.Count; j++)
                {
                    sums.Add($"SUM(x{i} * x{j}) AS x{i}_x{j}");
                }
            }
            sums.AddRange(_fixed.Select((_, i) => $"SUM(x{i} * y) AS x{i}_y"));
            sums.Add("SUM(y * y) AS y_y");
            return $"{Design()} SELECT {string.Join(", ", sums)} FROM nmt_design";
        }
    }

    /// <summary>Per cell (combination of the grouping columns): n, its distinct clients (when the source has client_id), ZᵀZ (upper triangle), ZᵀX and Zᵀy.</summary>
    public string Cells
    {
        get
        {
            var keys = _design.CellVariables.Select((_, k) => $"g{k}").ToList();
            var sums = new List<string>(keys) { "COUNT(*) AS n" };
            if (_design.HasClient)
            {
                // A cell keyed by the client holds one client: no DISTINCT aggregate (at 10⁷ clients it would double
                // the engine's GROUP BY state).
                sums.Add(_design.CellVariables.Contains(SessionColumns.ClientId) ? "CAST(1 AS BIGINT) AS clients" : "COUNT(DISTINCT nmt_client) AS clients");
            }
            for (var a = 0; a < _random.Count; a++)
            {
                for (var b = a; b < _random.Count; b++)
                {
                    sums.Add($"SUM(z{a} * z{b}) AS z{a}_z{b}");
                }
            }
            for (var a = 0; a < _random.Count; a++)
            {
                sums.AddRange(_fixed.Select((_, j) => $"SUM(z{a} * x{j}) AS z{a}_x{j}"));
            }
            sums.AddRange(_random.Select((_, a) => $"SUM(z{a} * y) AS z{a}_y"));
            return $"{Design()} SELECT {string.Join(", ", sums)} FROM nmt_design GROUP BY {string.Join(", ", keys)}";
        }
    }

    /// <summary>The design per used row: grouping keys g, response y, fixed columns x, random-effect columns z.</summary>
    private string Design()
    {
        var columns = _design.CellVariables.Select((v, k) => $"{SqlText.Identifier(v)} AS g{k}")
            .Concat(_design.HasClient ? [$"{SqlText.Identifier(SessionColumns.ClientId)} AS nmt_client"] : [])
            .Append($"{_design.ResponseSql} AS y")
            .Concat(_fixed.Select((c, j) => $"{AsDouble(c.Sql)} AS x{j}"))
            .Concat(_random.Select((c, a) => $"{AsDouble(c.Sql)} AS z{a}"));
        return $"WITH nmt_design AS (SELECT {string.Join(", ", columns)} FROM {SqlSource.Relation} WHERE {_design.CompleteCondition})";
    }

    private static string AsDouble(string sql) => sql.StartsWith("CAST(", StringComparison.Ordinal) && sql.EndsWith(" AS DOUBLE PRECISION)", StringComparison.Ordinal) ? sql : SqlText.Double(sql);
}
