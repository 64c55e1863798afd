using System.Globalization;
using System.Text;

namespace Nmt.Analytics.Data;

/// <summary>
/// Writes a <see cref="ColumnTable"/> as UTF-8 CSV (no BOM, <c>\n</c> line ends): comma-delimited, invariant culture,
/// <c>.</c> decimals, numbers in their shortest round-trip form, code sets joined with <c>;</c>, missing values as
/// empty fields. Fields are quoted (RFC 4180) only when they contain a comma, a quote or a line break.
/// </summary>
public static class SessionCsvWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="writer"/>.</summary>
    public static void Write(ColumnTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var columns = table.Columns;
        writer.Write(string.Join(",", columns.Select(c => Quote(c.Name))));
        writer.Write('\n');
        var line = new StringBuilder(256);
        for (var row = 0; row < table.RowCount; row++)
        {
            line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }
                line.Append(Field(columns[c], row));
            }
            line.Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>Writes <paramref name="table"/> to the file at <paramref name="path"/> (created or overwritten).</summary>
    public static void Write(ColumnTable table, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        Write(table, writer);
    }

    /// <summary>The whole CSV as a string.</summary>
    public static string ToCsv(ColumnTable table)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(table, writer);
        return writer.ToString();
    }

    /// <summary>The text of one cell (empty when missing).</summary>
    public static string Field(TableColumn column, int row)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column switch
        {
            NumericColumn n => FormatNumber(n[row]),
            TextColumn t => t[row] is { } text ? Quote(text) : "",
            CodeSetColumn s => s[row] is { } codes ? Quote(string.Join(";", codes)) : "",
            _ => throw new NotSupportedException($"column type {column.GetType().Name} cannot be written as CSV."),
        };
    }

    /// <summary>Shortest round-trip invariant form; NaN → empty; −0 → 0.</summary>
    public static string FormatNumber(double value) =>
        double.IsNaN(value) ? "" : (value == 0 ? 0.0 : value).ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
