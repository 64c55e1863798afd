using System.Text;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

public class LineCounterTests
{
    private static long? Count(string text, int skip = 0)
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(text)) { Position = skip };
        var rows = LineCounter.MaxDataRows(stream);
        Assert.Equal(skip, stream.Position);
        return rows;
    }

    [Fact]
    public void Counts_data_lines_from_the_position_and_restores_it()
    {
        Assert.Equal(2, Count("h\n1\n2\n"));
        Assert.Equal(2, Count("h\r\n1\r\n2"));
        Assert.Equal(0, Count("h\n"));
        Assert.Equal(0, Count(""));
        Assert.Equal(1, Count("xxh\n1\n", skip: 2));
        // A quoted line break counts as a line: the bound is from above.
        Assert.Equal(2, Count("h\n\"a\nb\"\n"));
        Assert.Null(LineCounter.MaxDataRows(new UnseekableStream()));
    }

    [Fact]
    public void Exactly_sized_and_trimmed_loads_give_the_same_table()
    {
        const string header = "client_id,clinic_id,session,day,region,techniques,pain_pre,pain_post\n";
        var clean = header + "C1,K1,1,0,lumbar,init,6,4\nC1,K1,2,7,lumbar,init,5,3\n";
        // A row with an error is excluded, so the sized columns are one longer than the table and get trimmed.
        var withError = clean + "C2,K1,1,0,lumbar,init,11,3\n";
        var a = SessionDataset.Load(new MemoryStream(Encoding.UTF8.GetBytes(clean)), "clean.csv");
        var b = SessionDataset.Load(new MemoryStream(Encoding.UTF8.GetBytes(withError)), "error.csv");
        Assert.Equal(2, a.Table.RowCount);
        Assert.Equal(2, b.Table.RowCount);
        Assert.Single(b.Exclusions);
        foreach (var column in a.Table.Columns.Select(c => c.Name))
        {
            Assert.Equal(2, b.Table[column].Length);
        }
        Assert.Equal(a.Table.Numeric("pain_post").Values, b.Table.Numeric("pain_post").Values);
        Assert.Equal([-2.0, -2.0], a.Table.Numeric("pain_change").Values);
        Assert.Equal([2L, 3L], b.Table.SourceLines.ToArray());
    }

    private sealed class UnseekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
