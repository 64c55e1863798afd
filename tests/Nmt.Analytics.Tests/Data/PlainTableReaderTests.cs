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
}
