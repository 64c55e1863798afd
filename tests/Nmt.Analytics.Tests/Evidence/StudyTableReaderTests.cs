using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;

namespace Nmt.Analytics.Tests.Evidence;

public class StudyTableReaderTests
{
    [Fact]
    public void Semicolon_files_with_decimal_commas_read_like_comma_files()
    {
        var comma = StudyTableReader.Read(new StringReader("study,yi,vi,alloc\nA,0.5,0.12,random\nB,-1.25,0.3,systematic\n"));
        var semicolon = StudyTableReader.Read(new StringReader("\uFEFFstudy;yi;vi;alloc\nA;0,5;0,12;random\nB;-1,25;0,3;systematic\n"));
        Assert.Equal(comma.Numeric("yi").Values, semicolon.Numeric("yi").Values);
        Assert.Equal(comma.Numeric("vi").Values, semicolon.Numeric("vi").Values);
        Assert.IsType<TextColumn>(semicolon["alloc"]);
        Assert.Equal([2L, 3L], semicolon.SourceLines);
    }

    [Fact]
    public void Comment_lines_are_skipped_and_line_numbers_still_point_into_the_file()
    {
        var table = StudyTableReader.Read(new StringReader("# synthetic\nstudy,yi,vi\nA,0.5,0.1\nB,0.2,0.1\n"));
        Assert.Equal(2, table.RowCount);
        Assert.Equal([3L, 4L], table.SourceLines);
    }

    [Fact]
    public void The_demo_table_is_embedded_labelled_synthetic_and_poolable()
    {
        var table = DemoStudies.Load();
        Assert.InRange(table.RowCount, 10, 14);
        Assert.All(table.Text("study").Values, s => Assert.Contains("synthetic", s!, StringComparison.Ordinal));
        Assert.Equal(["init", "ischemic_compression", "muscle_energy", "positional_release"], table.Text("technique").Levels());
    }
}
