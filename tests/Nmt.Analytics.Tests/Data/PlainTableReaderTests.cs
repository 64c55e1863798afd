using System.Text;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

public class PlainTableReaderTests
{
    private static ColumnTable Read(string csv) => PlainTableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv");

    [Fact]
    public void Types_columns_like_read_csv_and_keeps_source_lines()
    {
        var table = Read("id,dose,group,score\nc1,1.5,a,\nc2,2,b,NA\nc3,3,a,7\n");

        Assert.Equal(3, table.RowCount);
        Assert.IsType<TextColumn>(table["id"]);
        Assert.Equal([1.5, 2, 3], table.Numeric("dose").Values);
        Assert.Equal(new string?[] { "a", "b", "a" }, table.Text("group").Values.AsEnumerable());
        Assert.True(table["score"].IsMissing(0) && table["score"].IsMissing(1));
        Assert.Equal(7, table.Numeric("score")[2]);
        Assert.Equal([2L, 3, 4], table.SourceLines);
    }

    [Fact]
    public void A_column_that_turns_out_to_be_text_keeps_earlier_numbers_as_text()
    {
        var table = Read("code\n10\n2.50\nx7\n");

        Assert.Equal(new string?[] { "10", "2.5", "x7" }, table.Text("code").Values.AsEnumerable());
    }

    [Fact]
    public void Reads_semicolon_files_with_decimal_commas()
    {
        var table = Read("a;b\n1,5;x\n2,25;y\n");

        Assert.Equal([1.5, 2.25], table.Numeric("a").Values);
    }

    [Fact]
    public void Ragged_rows_and_empty_input_are_clear_errors()
    {
        var ragged = Assert.Throws<NmtInputException>(() => Read("a,b\n1,2\n3\n"));
        Assert.Contains("line 3", ragged.Message, StringComparison.Ordinal);
        Assert.Throws<NmtInputException>(() => Read(""));
        Assert.Throws<NmtInputException>(() => Read("a,b\n"));
        Assert.Contains("'a' appears more than once", Assert.Throws<NmtInputException>(() => Read("a,a\n1,2\n")).Message, StringComparison.Ordinal);
    }

    /// <summary>The table as text (names, types, values, lines), or the error it stops with.</summary>
    private static string Outcome(string csv, int chunkBytes)
    {
        try
        {
            var table = PlainTableReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test.csv", chunkBytes);
            var columns = table.Columns.Select(c => c switch
            {
                NumericColumn n => $"{c.Name}:num:{string.Join('|', n.Values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}",
                TextColumn t => $"{c.Name}:text:{string.Join('|', t.Values.Select(v => v ?? "<NA>"))}",
                _ => c.Name,
            });
            return string.Join('\n', columns) + "\nlines:" + string.Join('|', table.SourceLines);
        }
        catch (NmtInputException e)
        {
            return $"error line {e.Line}: {e.Message}";
        }
    }

    /// <summary>Plain tables that chunking must not change, wherever the chunks are cut.</summary>
    public static TheoryData<string> Awkward()
    {
        var rows = Enumerable.Range(0, 300).Select(i => $"c{i / 7:D3},{i % 7 + 1},{(i % 3 == 0 ? "NA" : (i * 0.37).ToString("R", System.Globalization.CultureInfo.InvariantCulture))},t{i % 4}").ToList();
        var plain = "client,session,dose,technique\n" + string.Join('\n', rows) + "\n";
        var turnsText = plain.Replace("\nc200,", "\nc200,", StringComparison.Ordinal).Replace(",t1\n", ",1.50\n", StringComparison.Ordinal);
        var laterText = plain.Replace("c150,3,", "c150,x3,", StringComparison.Ordinal).Replace(",2,", ",2.0,", StringComparison.Ordinal);
        return new TheoryData<string>
        {
            plain,
            plain.TrimEnd('\n'),
            plain.Replace("\n", "\r\n", StringComparison.Ordinal),
            "\uFEFF" + plain,
            plain.Replace(',', ';').Replace('.', ','),
            plain.Replace(",t3", ",tü3", StringComparison.Ordinal).Replace("\nc040,", "\n   \nc040,", StringComparison.Ordinal),
            plain.Replace("\nc010,", "\n\nc010,", StringComparison.Ordinal),
            turnsText,
            laterText,
            plain.Replace("t2\nc020", "\"t2\nsecond\"\nc020", StringComparison.Ordinal),
            plain.Replace("t2\nc030,", "t2\nc030,1,", StringComparison.Ordinal),
            plain.Replace("\nc030,", "\n\"c030,", StringComparison.Ordinal),
            "client,client\n" + string.Join('\n', rows.Select(r => r[..4] + "," + r[..4])) + "\n",
        };
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Chunked_reads_give_the_one_pass_table_wherever_chunks_are_cut(string csv)
    {
        var one = Outcome(csv, chunkBytes: 0);
        foreach (var chunkBytes in new[] { 1, 17, 100, 700, 1 << 20 })
        {
            Assert.Equal(one, Outcome(csv, chunkBytes));
        }
    }
}
