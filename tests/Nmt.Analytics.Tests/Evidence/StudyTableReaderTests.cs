using System.Text;
using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Tests.Data;

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

    public static TheoryData<string> MissingCells => ["", "   ", .. CellParser.MissingTokens, " NA ", " . "];

    [Theory]
    [MemberData(nameof(MissingCells))]
    public void A_shared_missing_token_is_missing_in_a_study_file_a_plain_table_and_session_data(string cell)
    {
        var studies = StudyTableReader.Read(new StringReader($"study,yi,vi,weeks\nA,0.5,0.1,4\nB,{cell},0.2,{cell}\nC,0.1,0.1,8\n"));
        Assert.True(studies["yi"].IsMissing(1));
        Assert.IsType<NumericColumn>(studies["weeks"]); // a missing token does not turn a numeric column into text
        Assert.Equal(3, Assert.Single(EffectSizeCalculator.Compute(studies, EffectMeasure.Generic).Excluded).Line);

        var plain = PlainTableReader.Read(RepoFiles.Text($"id,score\na,1\nb,{cell}\n"), "plain.csv");
        Assert.True(plain["score"].IsMissing(1));

        var lines = File.ReadAllLines(RepoFiles.Example("valid-sessions.csv"));
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        row[Array.IndexOf(header, "stress")] = cell; // optional: missing is fine
        var session = DataLoader.Load(RepoFiles.Text(string.Join('\n', [lines[0], string.Join(',', row), .. lines[2..]])), "s.csv");
        Assert.Empty(session.Exclusions);
        Assert.True(session.Table["stress"].IsMissing(0));
        row[Array.IndexOf(header, "session")] = cell; // required: missing is an error that names the column
        var broken = DataLoader.Load(RepoFiles.Text(string.Join('\n', [lines[0], string.Join(',', row), .. lines[2..]])), "s.csv");
        Assert.Equal(2, Assert.Single(broken.Exclusions).Line);
        Assert.Contains("session is required but empty", broken.Exclusions[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("study,yi,vi\nA,0.5,0.1\n\"B,0.3,0.2\nC,0.1,0.1\nD,0.2,0.1\n", 3)] // never closed: would swallow the rest
    [InlineData("study,yi,vi\nA,0.5,0.1\n\"B,0.3,0.2\nC,0.1,\"0.1\nD,0.2,0.1\n", 3)] // closed two lines later
    [InlineData("# comment\nstudy,yi,vi\nA,0.5,0.1\nB,0.3,0.2\n\"C,0.1,0.1\n", 5)] // comment lines still count
    public void A_malformed_quote_in_a_study_file_is_an_error_with_its_line(string csv, long line)
    {
        var e = Assert.Throws<NmtInputException>(() => StudyTableReader.Read(new StringReader(csv)));
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"line {line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("quote", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_separator_is_detected_from_the_header_after_comment_lines()
    {
        var table = StudyTableReader.Read(new StringReader("# a, b, c, d, e\n# more, commas\nstudy;yi;vi\nA;0,5;0,1\nB;-0,25;0,2\n"));
        Assert.Equal([0.5, -0.25], table.Numeric("yi").Values);
        Assert.Equal([4L, 5L], table.SourceLines);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_an_error_with_their_line()
    {
        var bytes = Encoding.UTF8.GetBytes("study,yi,vi\nA,0.5,0.1\nM\u00fcller,0.3,0.2\n").ToList();
        var at = bytes.IndexOf(0xC3);
        bytes.RemoveAt(at + 1);
        bytes[at] = 0xFC; // Latin-1 ü
        var e = Assert.Throws<NmtInputException>(() => StudyTableReader.Read(new MemoryStream([.. bytes])));
        Assert.Equal(3, e.Line);
        Assert.Contains("UTF-8", e.Message, StringComparison.Ordinal);
    }
}
