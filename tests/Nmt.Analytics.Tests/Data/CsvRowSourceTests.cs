using System.Text;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

public class CsvRowSourceTests
{
    private static List<(long Line, bool Invalid, string[] Fields)> ReadAll(byte[] bytes)
    {
        using var source = CsvRowSource.Open(new MemoryStream(bytes), leaveOpen: false);
        var rows = new List<(long, bool, string[])>();
        while (source.Read())
        {
            rows.Add((source.Line, source.HasInvalidUtf8,
                Enumerable.Range(0, source.FieldCount).Select(i => source.Field(i).ToString()).ToArray()));
        }
        return rows;
    }

    [Fact]
    public void Plain_ASCII_rows_and_other_rows_decode_to_the_same_fields()
    {
        // Plain ASCII rows take the one-pass path (fields mapped by byte offset); the others decode field by field.
        var text = "a,b,c\r\n" +
                   "C001,lumbar,4.5\r\n" +
                   "C002,,\r\n" +
                   "Zoë,région,é\r\n" +
                   "\"q,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n" +
                   "C003,  spaced  ,7\r\n";
        var rows = ReadAll(Encoding.UTF8.GetBytes(text));
        Assert.Equal(
        [
            ["C001", "lumbar", "4.5"], ["C002", "", ""], ["Zoë", "région", "é"], ["q,1", "say \"hi\"", "two\nlines"],
            ["C003", "  spaced  ", "7"],
        ], rows.Select(r => r.Fields).ToArray());
        Assert.Equal([2L, 3, 4, 5, 7], rows.Select(r => r.Line).ToArray());
        Assert.All(rows, r => Assert.False(r.Invalid));
    }

    [Fact]
    public void Invalid_UTF8_is_flagged_and_replaced()
    {
        byte[] bytes = [.. "a,b\nok,fine\n"u8, .. "x,"u8, 0xC3, 0x28, .. "\nlast,row\n"u8];
        var rows = ReadAll(bytes);
        Assert.Equal([false, true, false], rows.Select(r => r.Invalid).ToArray());
        Assert.Equal("\uFFFD(", rows[1].Fields[1]);
        Assert.Equal(["last", "row"], rows[2].Fields);
    }
}
