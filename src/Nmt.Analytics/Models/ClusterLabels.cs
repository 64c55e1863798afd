using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models;

/// <summary>Cluster labels of a model frame's rows, read from a table column (for cluster-robust inference).</summary>
public static class ClusterLabels
{
    /// <summary>
    /// The labels of <paramref name="column"/> at the frame's used rows. Build the frame with
    /// <see cref="ModelFrameOptions.RequiredColumns"/> containing the column so rows missing it are excluded first.
    /// </summary>
    /// <exception cref="NmtInputException">Unknown column, or a used row without a cluster value.</exception>
    public static IReadOnlyList<string> FromColumn(ColumnTable table, string column, ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(frame);
        var source = table[column];
        return frame.UsedRows.Select(r => Label(source, r) ?? throw new NmtInputException("missing cluster value", table.SourceLines[r], column)).ToList();
    }

    private static string? Label(TableColumn column, int row) => column switch
    {
        NumericColumn n => double.IsNaN(n[row]) ? null : n[row].ToString("R", CultureInfo.InvariantCulture),
        TextColumn t => t[row],
        CodeSetColumn c => c[row] is { } codes ? string.Join(";", codes) : null,
        _ => null,
    };
}
