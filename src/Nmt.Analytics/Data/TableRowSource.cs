using System.Globalization;

namespace Nmt.Analytics.Data;

/// <summary>
/// Presents an in-memory <see cref="ColumnTable"/> (from Parquet or built in code) as rows of text, so it goes through
/// exactly the same validation as a CSV file. Numbers are written in round-trip invariant form; code sets joined by <c>;</c>.
/// </summary>
internal sealed class TableRowSource(ColumnTable table) : IRowSource
{
    private readonly string[] _header = [.. table.ColumnNames];
    private readonly char[] _buffer = new char[64];
    private int _row = -1;

    public IReadOnlyList<string> Header => _header;
    public CsvFormat? Format => null;
    public bool IsEmpty => _header.Length == 0;
    public long Line => _row < 0 ? 1 : table.SourceLines[_row];
    public int FieldCount => _header.Length;
    public bool HasInvalidUtf8 => false;
    public long? EstimatedRows => table.RowCount;

    public bool Read() => ++_row < table.RowCount;

    public ReadOnlySpan<char> Field(int index)
    {
        switch (table.Columns[index])
        {
            case NumericColumn numeric:
                var value = numeric.Values[_row];
                if (double.IsNaN(value))
                {
                    return [];
                }
                value.TryFormat(_buffer, out var written, "R", CultureInfo.InvariantCulture);
                return _buffer.AsSpan(0, written);
            case TextColumn text:
                return text.Values[_row];
            case CodeSetColumn set:
                return set.Values[_row] is { } codes ? string.Join(';', codes) : [];
            default:
                return [];
        }
    }

    public void Dispose() { }
}
