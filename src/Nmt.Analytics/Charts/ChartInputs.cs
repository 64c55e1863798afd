using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Charts;

/// <summary>Checks and reads the table shapes the charts are drawn from, with errors that say what to fix.</summary>
internal static class ChartInputs
{
    public static void RequireColumns(ResultTable table, string chart, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        var missing = columns.Where(c => !table.Columns.Contains(c, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0)
        {
            throw new NmtInputException(
                $"{chart} needs a table with columns {string.Join(", ", columns)}; '{table.Title}' lacks {string.Join(", ", missing)} " +
                $"(it has {string.Join(", ", table.Columns)}).");
        }
        if (table.Rows.Count == 0)
        {
            throw new NmtInputException($"{chart}: table '{table.Title}' has no rows to plot.");
        }
    }

    public static string[] Text(ResultTable table, string column) =>
        Enumerable.Range(0, table.Rows.Count).Select(i => ResultTable.FormatText(table[i, column])).ToArray();

    public static void RequireSessionColumns(ColumnTable sessions, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        foreach (var column in columns)
        {
            if (!sessions.Contains(column))
            {
                throw sessions.UnknownColumn(column);
            }
        }
    }

    public static string?[] ClientIds(ColumnTable sessions)
    {
        var column = sessions[SessionColumns.ClientId];
        return Enumerable.Range(0, sessions.RowCount).Select(r => CellKey.Of(column, r)).ToArray();
    }

    /// <summary>A reproducible sample of at most <paramref name="max"/> items (order kept).</summary>
    public static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, int max, int seed)
    {
        if (items.Count <= max)
        {
            return items;
        }
        var random = new Random(seed);
        return items.Select((item, i) => (item, i, key: random.NextDouble()))
            .OrderBy(t => t.key).Take(Math.Max(0, max)).OrderBy(t => t.i).Select(t => t.item).ToArray();
    }
}
