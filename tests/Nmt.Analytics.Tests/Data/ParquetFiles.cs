using Nmt.Analytics.Data;
using Parquet;
using Parquet.Schema;

namespace Nmt.Analytics.Tests.Data;

/// <summary>Writes a table as Parquet (Parquet.Net), for tests that read Parquet input.</summary>
internal static class ParquetFiles
{
    public static async Task Write(ColumnTable table, Stream stream)
    {
        var columns = table.Columns.Where(c => c.Name != "pain_change").ToList();
        var fields = columns.Select(c => c is NumericColumn
            ? (DataField)new DataField<double?>(c.Name)
            : new DataField<string>(c.Name)).ToList();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < columns.Count; i++)
        {
            switch (columns[i])
            {
                case NumericColumn n:
                    await group.WriteAsync<double>(fields[i], n.Values.Select(v => double.IsNaN(v) ? (double?)null : v).ToArray().AsMemory());
                    break;
                case TextColumn t:
                    await group.WriteAsync(fields[i], t.Values!);
                    break;
                case CodeSetColumn s:
                    await group.WriteAsync(fields[i], s.Values.Select(v => string.Join('|', v!)).ToArray());
                    break;
            }
        }
    }

    /// <summary>The table as Parquet bytes.</summary>
    public static byte[] Bytes(ColumnTable table)
    {
        using var stream = new MemoryStream();
        Write(table, stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }
}
