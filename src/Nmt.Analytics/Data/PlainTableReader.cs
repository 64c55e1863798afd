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

    /// <summary>Files at least this large are parsed in chunks on every core.</summary>
    internal const long ParallelMinBytes = 1 << 20;

    /// <summary>Reads CSV from a stream.</summary>
    /// <remarks>
    /// A large seekable file is cut into chunks of whole records (<see cref="CsvChunker"/>) parsed on every core and joined
    /// in file order, with the same table as one sequential read (or, when that cannot be guaranteed, one sequential read).
    /// </remarks>
    public static ColumnTable Read(Stream stream, string sourceName) => Read(stream, sourceName, CsvChunker.DefaultChunkBytes);

    /// <summary>Reads CSV from a stream, in chunks of about <paramref name="chunkBytes"/> when worthwhile (0: one sequential read).</summary>
    internal static ColumnTable Read(Stream stream, string sourceName, int chunkBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.CanSeek ? stream.Position : 0;
        var chunked = chunkBytes > 0 && stream.CanSeek && Environment.ProcessorCount > 1
            && (chunkBytes < CsvChunker.DefaultChunkBytes || stream.Length - start >= ParallelMinBytes);
        if (chunked)
        {
            var table = PlainTableChunks.TryRead(stream, sourceName, chunkBytes);
            if (table is not null)
            {
                return table;
            }
            stream.Position = start;
        }
        return ReadSequential(stream, sourceName);
    }

    private static ColumnTable ReadSequential(Stream stream, string sourceName)
    {
        var capacity = (int)Math.Min(LineCounter.MaxDataRows(stream) ?? 0, Array.MaxLength); // pre-sized columns: no regrowth copies
        using var source = CsvRowSource.Open(stream, leaveOpen: true);
        var header = CheckedHeader(source, sourceName);
        var columns = header.Select(name => new PlainColumnBuilder(name, capacity)).ToArray();
        var lines = new List<long>(capacity);
        var error = ReadRows(source, columns, lines, sourceName);
        Finish(lines.Count, error, header, sourceName);
        return new ColumnTable(columns.Select(c => c.Build()), lines.ToArray());
    }

    /// <summary>The header of a non-empty file.</summary>
    /// <exception cref="NmtInputException">The file is empty.</exception>
    internal static IReadOnlyList<string> CheckedHeader(CsvRowSource source, string sourceName) =>
        source.IsEmpty ? throw Empty(sourceName) : source.Header;

    /// <summary>Reads every row of <paramref name="source"/> into the builders; the error that stopped it (with its line), or null.</summary>
    internal static NmtInputException? ReadRows(IRowSource source, PlainColumnBuilder[] columns, List<long> lines, string sourceName)
    {
        var decimalComma = source.Format?.DecimalComma ?? false;
        try
        {
            while (source.Read())
            {
                if (source.FieldCount != columns.Length)
                {
                    return new NmtInputException($"{sourceName}: the row has {source.FieldCount} fields but the header has {columns.Length}.", source.Line, null);
                }
                for (var j = 0; j < columns.Length; j++)
                {
                    columns[j].Add(source.Field(j), decimalComma);
                }
                lines.Add(source.Line);
            }
        }
        catch (NmtInputException e)
        {
            return e;
        }
        return null;
    }

    /// <summary>The checks after reading, in the order of one pass: no rows, then the header, then the first bad row.</summary>
    internal static void Finish(long rows, NmtInputException? error, IReadOnlyList<string> header, string sourceName)
    {
        if (rows == 0 && error is null)
        {
            throw Empty(sourceName);
        }
        CheckHeader(header, sourceName);
        if (error is not null)
        {
            throw error;
        }
    }

    private static NmtInputException Empty(string sourceName) => new($"{sourceName} is empty: a header line and at least one row are needed.");

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
}
