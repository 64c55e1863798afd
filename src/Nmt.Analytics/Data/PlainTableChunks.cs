using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nmt.Analytics.Data;

/// <summary>
/// <see cref="PlainTableReader"/> on every core: the file is cut into chunks of whole records (<see cref="CsvChunker"/>),
/// worker threads and the calling thread parse each into its own column builders, and the pieces are joined in file order. The table is
/// the one a sequential read gives: types, values, lines, and the first error in file order.
/// </summary>
internal static class PlainTableChunks
{
    /// <summary>One chunk's rows.</summary>
    private sealed record Piece(PlainColumnBuilder[] Columns, List<long> Lines, NmtInputException? Error);

    /// <summary>
    /// The table, or null when a chunked read cannot promise the sequential result (a header that is not a plain line,
    /// or a column that turns text in one chunk while a later chunk read numbers, whose original spelling is gone).
    /// </summary>
    public static ColumnTable? TryRead(Stream stream, string sourceName, int chunkBytes)
    {
        var start = stream.Position;
        IReadOnlyList<string> header;
        CsvFormat format;
        using (var source = CsvRowSource.Open(stream, leaveOpen: true))
        {
            header = PlainTableReader.CheckedHeader(source, sourceName);
            format = source.Format!;
        }
        stream.Position = start;
        var rows = (int)Math.Min(LineCounter.MaxDataRows(stream) ?? 0, Array.MaxLength);
        if (CsvChunker.Open(stream, chunkBytes) is not { } chunker)
        {
            return null;
        }
        // Every chunk writes its numbers straight into the whole column, from the row its first line would have.
        // Every chunk but the last ends at a line break, so a chunk's first line tells how many lines come before it.
        var targets = header.Select(_ => new double[rows]).ToArray();
        var pieces = new List<Piece>();
        new ChunkPipeline<Piece>(chunker, chunk =>
        {
            var at = (int)Math.Min(chunk.FirstLine - 2, rows);
            return ParseChunk(chunk, format, header, targets, at, Math.Max(0, Math.Min(chunk.Lines, rows - at)), sourceName);
        }, maxInFlight: int.MaxValue).Run(pieces.Add);
        if (chunker.Stopped && pieces.All(p => p.Error is null))
        {
            stream.Position = chunker.RestOffset;
            using var rest = CsvRowSource.OpenRecords(stream, format, header, chunker.RestLine);
            pieces.Add(Parse(rest, [.. header.Select(name => new PlainColumnBuilder(name, 1024))], 1024, sourceName));
        }
        return Join(pieces, header, targets, sourceName);
    }

    private static Piece ParseChunk(CsvChunk chunk, CsvFormat format, IReadOnlyList<string> header, double[][] targets, int at, int share,
        string sourceName)
    {
        try
        {
            using var source = new QuoteFreeRows(chunk.Bytes, header, format, chunk.FirstLine);
            var columns = header.Select((name, j) => new PlainColumnBuilder(name, targets[j], at, share)).ToArray();
            return Parse(source, columns, share, sourceName);
        }
        finally
        {
            chunk.Release();
        }
    }

    private static Piece Parse(IRowSource source, PlainColumnBuilder[] columns, int capacity, string sourceName)
    {
        var lines = new List<long>(capacity);
        var error = PlainTableReader.ReadRows(source, columns, lines, sourceName);
        return new Piece(columns, lines, error);
    }

    private static ColumnTable? Join(List<Piece> pieces, IReadOnlyList<string> header, double[][] targets, string sourceName)
    {
        var used = pieces.FindIndex(p => p.Error is not null) is var bad and >= 0 ? pieces[..(bad + 1)] : pieces;
        var rows = used.Sum(p => (long)p.Lines.Count);
        PlainTableReader.Finish(rows, used[^1].Error, header, sourceName);
        var columns = new TableColumn[header.Count];
        for (var j = 0; j < columns.Length; j++)
        {
            if (JoinColumn(used, j, (int)rows, targets[j]) is not { } column)
            {
                return null;
            }
            columns[j] = column;
        }
        var lines = new long[rows];
        var at = 0;
        foreach (var piece in used)
        {
            CollectionsMarshal.AsSpan(piece.Lines).CopyTo(lines.AsSpan(at));
            at += piece.Lines.Count;
        }
        return new ColumnTable(columns, lines);
    }

    /// <summary>Column <paramref name="j"/> of all pieces, or null when a sequential read would have kept numbers' own text.</summary>
    private static TableColumn? JoinColumn(List<Piece> pieces, int j, int rows, double[] target)
    {
        var firstText = pieces.FindIndex(p => p.Columns[j].IsText);
        var name = pieces[0].Columns[j].Name;
        if (firstText < 0)
        {
            return new NumericColumn(name, JoinNumbers(pieces, j, rows, target));
        }
        if (pieces.Skip(firstText + 1).Any(p => p.Columns[j].NumberCount > 0))
        {
            return null;
        }
        var texts = new string?[rows];
        var row = 0;
        var writer = pieces[firstText].Columns[j];
        foreach (var column in pieces.Select(p => p.Columns[j]))
        {
            if (column.IsText)
            {
                column.Texts.CopyTo(texts.AsSpan(row));
                row += column.Count;
                continue;
            }
            foreach (var value in column.Numbers)
            {
                texts[row++] = writer.AsText(value);
            }
        }
        return new TextColumn(name, texts);
    }

    /// <summary>
    /// The numbers of column <paramref name="j"/> in one array: the chunks wrote them into <paramref name="target"/>
    /// already, so only pieces that read fewer rows than their lines (blank lines) are moved down, and the array is cut
    /// to length only when it came out longer than the rows.
    /// </summary>
    private static double[] JoinNumbers(List<Piece> pieces, int j, int rows, double[] target)
    {
        if (target.Length < rows)
        {
            Array.Resize(ref target, rows);
        }
        var at = 0;
        foreach (var piece in pieces)
        {
            var numbers = piece.Columns[j].Numbers;
            if (numbers.IsEmpty)
            {
                continue;
            }
            if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(numbers), ref target[at]))
            {
                numbers.CopyTo(target.AsSpan(at));
            }
            at += numbers.Length;
        }
        return at == target.Length ? target : target[..at];
    }
}
