using Parquet;
using Parquet.Schema;

namespace Nmt.Analytics.Data;

/// <summary>
/// Reads a Parquet file (Parquet.Net) into a raw <see cref="ColumnTable"/>: numbers and booleans as numeric columns
/// (NaN = null), everything else as text. Rows are numbered as if a header were line 1, so row r is "line" r + 2.
/// The raw table then goes through the same validation as CSV.
/// </summary>
internal static class ParquetTableReader
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <summary>True when the stream starts with the Parquet magic bytes (the position is restored).</summary>
    public static bool IsParquet(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }
        var start = stream.Position;
        Span<byte> head = stackalloc byte[4];
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = start;
        return n == 4 && head.SequenceEqual(Magic);
    }

    /// <summary>Reads the whole file.</summary>
    /// <exception cref="NmtInputException">The file is truncated or corrupt (anything the Parquet reader cannot decode).</exception>
    public static ColumnTable Read(Stream stream)
    {
        try
        {
            return ReadAsync(stream).GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // A damaged file can fail inside the decoder in many ways; each is the user's file, not our bug.
        catch (Exception e) when (e is not (NmtInputException or OutOfMemoryException))
#pragma warning restore CA1031
        {
            throw new NmtInputException($"the Parquet file cannot be read (truncated or corrupt?): {e.Message}", e);
        }
    }

    private static async Task<ColumnTable> ReadAsync(Stream stream)
    {
        var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true).ConfigureAwait(false);
        await using var disposeReader = reader.ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var parts = fields.Select(_ => new List<Array>()).ToArray();
        var rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            for (var f = 0; f < fields.Length; f++)
            {
                parts[f].Add(await ReadColumnAsync(group, fields[f], count).ConfigureAwait(false));
            }
            rows += count;
        }
        var columns = fields.Select((field, f) => Concatenate(field.Name, parts[f], rows));
        return new ColumnTable(columns, [.. Enumerable.Range(0, rows).Select(r => (long)r + 2)]);
    }

    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory()).ConfigureAwait(false);
            return strings;
        }
        var values = new double[count];
        if (type == typeof(double))
        {
            await ReadNumbers<double>(group, field, count, values, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(float))
        {
            await ReadNumbers<float>(group, field, count, values, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(int))
        {
            await ReadNumbers<int>(group, field, count, values, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(long))
        {
            await ReadNumbers<long>(group, field, count, values, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(short))
        {
            await ReadNumbers<short>(group, field, count, values, v => v).ConfigureAwait(false);
        }
        else if (type == typeof(bool))
        {
            await ReadNumbers<bool>(group, field, count, values, v => v ? 1 : 0).ConfigureAwait(false);
        }
        else
        {
            throw new NmtInputException($"Parquet column '{field.Name}' has type {type.Name}, which is not supported: use numbers or strings.");
        }
        return values;
    }

    private static async Task ReadNumbers<T>(ParquetRowGroupReader group, DataField field, int count, double[] into, Func<T, double> convert)
        where T : struct
    {
        if (field.IsNullable)
        {
            var raw = new T?[count];
            await group.ReadAsync(field, raw.AsMemory()).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                into[i] = raw[i] is { } v ? convert(v) : double.NaN;
            }
        }
        else
        {
            var raw = new T[count];
            await group.ReadAsync(field, raw.AsMemory()).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                into[i] = convert(raw[i]);
            }
        }
    }

    private static TableColumn Concatenate(string name, List<Array> parts, int rows)
    {
        if (parts.Count > 0 && parts[0] is string?[])
        {
            var all = new string?[rows];
            var at = 0;
            foreach (string?[] part in parts)
            {
                part.CopyTo(all, at);
                at += part.Length;
            }
            return new TextColumn(name, all);
        }
        var numbers = new double[rows];
        var offset = 0;
        foreach (double[] part in parts)
        {
            part.CopyTo(numbers, offset);
            offset += part.Length;
        }
        return new NumericColumn(name, numbers);
    }
}
