namespace Nmt.Analytics.Data;

/// <summary>
/// Reads any tidy CSV — not necessarily a session dataset — into a <see cref="ColumnTable"/>, the way R's
/// <c>read.csv</c> types columns: a column is numeric when every non-missing cell is a number, otherwise text.
/// Delimiter, decimal comma, BOM and line endings are detected as for session files; empty cells and <c>NA</c> are
/// missing. No session rules apply (use <see cref="SessionDataset"/> for session data).
/// </summary>
public static class PlainTableReader
{
    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <exception cref="NmtInputException">Empty file, no rows, duplicate column names or a ragged row (with its line).</exception>
    public static ColumnTable Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>Reads CSV from a stream.</summary>
    public static ColumnTable Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var capacity = (int)Math.Min(LineCounter.MaxDataRows(stream) ?? 0, Array.MaxLength); // pre-sized columns: no regrowth copies
        using var source = CsvRowSource.Open(stream, leaveOpen: true);
        if (source.IsEmpty || !source.Read())
        {
            throw new NmtInputException($"{sourceName} is empty: a header line and at least one row are needed.");
        }
        var header = source.Header;
        CheckHeader(header, sourceName);
        var columns = header.Select(name => new ColumnBuilder(name, capacity)).ToArray();
        var lines = new List<long>(capacity);
        var decimalComma = source.Format?.DecimalComma ?? false;
        do
        {
            if (source.FieldCount != header.Count)
            {
                throw new NmtInputException($"{sourceName}: the row has {source.FieldCount} fields but the header has {header.Count}.", source.Line, null);
            }
            for (var j = 0; j < columns.Length; j++)
            {
                columns[j].Add(source.Field(j), decimalComma);
            }
            lines.Add(source.Line);
        }
        while (source.Read());
        return new ColumnTable(columns.Select(c => c.Build()), lines.ToArray());
    }

    /// <summary>The column names in the header of a CSV file (empty for an empty or non-CSV file).</summary>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        using var stream = File.OpenRead(path);
        if (ParquetTableReader.IsParquet(stream))
        {
            return [];
        }
        using var source = CsvRowSource.Open(stream, leaveOpen: true);
        return source.IsEmpty ? [] : [.. source.Header];
    }

    private static void CheckHeader(IReadOnlyList<string> header, string sourceName)
    {
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new NmtInputException($"{sourceName}: column '{duplicate.Key}' appears more than once in the header.", 1, duplicate.Key);
        }
    }

    /// <summary>
    /// Collects one column: numbers while every cell is numeric; at the first non-numeric cell it becomes text, and the
    /// numbers read so far are written back in shortest round-trip form ("1.50" becomes "1.5").
    /// </summary>
    private sealed class ColumnBuilder(string name, int capacity)
    {
        private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
        private double[] _numbers = new double[Math.Max(capacity, 16)];
        private int _count;
        private List<string?>? _text;
        private string? _last;

        public void Add(ReadOnlySpan<char> cell, bool decimalComma)
        {
            var missing = CellParser.IsMissing(cell);
            if (_text is null)
            {
                if (missing)
                {
                    Push(double.NaN);
                    return;
                }
                if (CellParser.TryNumber(cell, decimalComma, out var number))
                {
                    Push(number);
                    return;
                }
                _text = new List<string?>(Math.Max(capacity, _count + 1));
                _text.AddRange(_numbers.Take(_count).Select(v => double.IsNaN(v) ? null : Intern(CellParser.Format(v))));
            }
            _text.Add(missing ? null : Intern(cell));
        }

        /// <summary>The column; a numeric column hands over its buffer when the row estimate was exact (no copy).</summary>
        public TableColumn Build() => _text is not null
            ? new TextColumn(name, [.. _text])
            : new NumericColumn(name, _count == _numbers.Length ? _numbers : _numbers[.._count]);

        private void Push(double value)
        {
            if (_count == _numbers.Length)
            {
                Array.Resize(ref _numbers, _numbers.Length * 2);
            }
            _numbers[_count++] = value;
        }

        /// <summary>One string per distinct value (identifiers and codes repeat on many rows).</summary>
        private string Intern(ReadOnlySpan<char> cell)
        {
            if (_last is not null && cell.SequenceEqual(_last))
            {
                return _last; // identifiers repeat on consecutive rows (a client's sessions)
            }
            if (!SpanLookup.TryGetValue(_interned, cell, out var known))
            {
                known = cell.ToString();
                _interned[known] = known;
            }
            return _last = known;
        }
    }
}
