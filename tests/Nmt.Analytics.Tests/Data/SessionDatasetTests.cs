using System.Globalization;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

public class SessionDatasetTests
{
    private const string Header = "client_id,clinic_id,session,day,region,techniques,pain_pre,pain_post";

    private static SessionDataset Load(string text, LoadOptions? options = null) =>
        SessionDataset.Load(RepoFiles.Text(text), "test.csv", options);

    [Fact]
    public void Loads_the_valid_example_typed_by_the_schema_with_pain_change()
    {
        var data = SessionDataset.Load(RepoFiles.Example("valid-sessions.csv"));
        var t = data.Table;
        Assert.Equal(10, t.RowCount);
        Assert.Empty(data.Exclusions);
        Assert.IsType<TextColumn>(t["client_id"]);
        Assert.IsType<NumericColumn>(t["session"]);
        Assert.IsType<NumericColumn>(t["neural_entrapment"]);
        var techniques = Assert.IsType<CodeSetColumn>(t["techniques"]);
        Assert.Equal(["ischemic_compression", "muscle_energy"], techniques[0]!);
        Assert.Equal(["strain_counterstrain", "muscle_energy"], techniques[4]!); // '|' separator
        Assert.Equal(["induration", "ischemic_compression"], techniques[7]!);   // quoted ';'
        Assert.Equal(-2.0, t.Numeric("pain_change")[0]);
        Assert.Equal(-1.5, t.Numeric("pain_change")[8]);
        Assert.True(double.IsNaN(t.Numeric("stress")[4]));
        Assert.Equal(1.5, t.Numeric("hydration")[0]);
        Assert.Equal(2L, t.SourceLines[0]);
        Assert.Equal("valid-sessions.csv", data.SourceName);
    }

    [Fact]
    public void Semicolon_file_with_decimal_comma_BOM_and_CRLF_loads_the_same_numbers()
    {
        var data = SessionDataset.Load(RepoFiles.Example("semicolon-decimal-comma.csv"));
        var t = data.Table;
        Assert.Equal(new CsvFormat(';', true, true, true), data.Validation.Format);
        Assert.Equal([7.5, 6, 8], t.Numeric("pain_pre").Values);
        Assert.Equal([5, 4.5, 6], t.Numeric("pain_post").Values);
        Assert.Equal([1.5, 2, 1.25], t.Numeric("hydration").Values);
        Assert.Equal(["ischemic_compression", "muscle_energy"], ((CodeSetColumn)t["techniques"])[0]!);
        Assert.Equal(["init", "stacking"], ((CodeSetColumn)t["techniques"])[1]!);
        Assert.Equal("client_id", t.Columns[0].Name); // BOM not part of the first name
    }

    [Fact]
    public void Bom_and_crlf_comma_file_loads()
    {
        var data = SessionDataset.Load(RepoFiles.Example("bom-crlf.csv"));
        Assert.Equal(new CsvFormat(',', false, true, true), data.Validation.Format);
        Assert.Equal(2, data.Table.RowCount);
        Assert.Equal(["init", "stacking"], ((CodeSetColumn)data.Table["techniques"])[1]!);
    }

    [Fact]
    public void Quoted_multiline_fields_keep_file_lines_right()
    {
        var data = SessionDataset.Load(RepoFiles.Example("multiline-quoted.csv"));
        Assert.Equal(1, data.Table.RowCount);
        Assert.Equal("first line\nsecond line", data.Table.Text("notes")[0]);
        var exclusion = Assert.Single(data.Exclusions);
        Assert.Equal(4, exclusion.Line);
        Assert.StartsWith("out_of_range", exclusion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_with_errors_are_excluded_and_listed_never_dropped_silently()
    {
        var data = Load($"{Header}\nC1,K1,1,0,lumbar,init,7,5\nC1,K1,2,3,lumbar,init,12,5\nC1,K1,3,5,lumbr,init,6,4\nC1,K1,4,9,lumbar,init,5,3\n");
        Assert.Equal([2L, 5L], data.Table.SourceLines);
        Assert.Equal([3L, 4L], data.Exclusions.Select(e => e.Line));
        Assert.Contains("pain_pre 12", data.Exclusions[0].Reason, StringComparison.Ordinal);
        Assert.Contains("did you mean 'lumbar'", data.Exclusions[1].Reason, StringComparison.Ordinal);
        Assert.Equal(2, data.Validation.ExcludedRows);
        Assert.Equal(1, data.Validation.ExclusionsByRule["out_of_range"]);
        Assert.Equal(1, data.Validation.ExclusionsByRule["unknown_code"]);
    }

    [Fact]
    public void Extra_columns_are_kept_numeric_when_all_values_are_numbers_else_text()
    {
        var data = Load($"{Header},bmi,note\nC1,K1,1,0,lumbar,init,7,5,22.5,ok\nC1,K1,2,3,lumbar,init,6,5,,fine\n");
        Assert.Equal([22.5, double.NaN], data.Table.Numeric("bmi").Values);
        Assert.Equal(new string?[] { "ok", "fine" }, data.Table.Text("note").Values.AsEnumerable());
    }

    [Fact]
    public void Loading_does_not_depend_on_the_current_culture()
    {
        var original = CultureInfo.CurrentCulture;
        // InvariantGlobalization is on, so "de-DE" cannot be created; a clone with German number formatting stands in.
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = german;
            CultureInfo.CurrentUICulture = german;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the stand-in really is "German"
            var data = SessionDataset.Load(RepoFiles.Example("valid-sessions.csv"));
            Assert.Equal(1.5, data.Table.Numeric("hydration")[0]);
            Assert.Equal(-1.5, data.Table.Numeric("pain_change")[8]);
            var semicolon = SessionDataset.Load(RepoFiles.Example("semicolon-decimal-comma.csv"));
            Assert.Equal(1.25, semicolon.Table.Numeric("hydration")[2]);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = original;
        }
    }

    [Fact]
    public async Task Parquet_round_trip_gives_the_same_table_as_csv()
    {
        var csv = SessionDataset.Load(RepoFiles.Example("valid-sessions.csv")).Table;
        using var stream = new MemoryStream();
        await ParquetFiles.Write(csv, stream);
        var path = Path.Combine(Path.GetTempPath(), $"nmt-{Guid.NewGuid():N}.parquet");
        await File.WriteAllBytesAsync(path, stream.ToArray());
        try
        {
            var parquet = SessionDataset.Load(path);
            Assert.True(parquet.Validation.IsValid);
            Assert.Null(parquet.Validation.Format);
            Assert.Equal(csv.ColumnNames, parquet.Table.ColumnNames);
            Assert.Equal(csv.Numeric("pain_change").Values, parquet.Table.Numeric("pain_change").Values);
            Assert.Equal(csv.Numeric("hydration").Values, parquet.Table.Numeric("hydration").Values);
            Assert.Equal(csv.Text("region").Values, parquet.Table.Text("region").Values);
            Assert.Equal(((CodeSetColumn)csv["techniques"]).Values, ((CodeSetColumn)parquet.Table["techniques"]).Values);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromTable_validates_like_a_file()
    {
        var table = new ColumnTable(
        [
            new TextColumn("client_id", ["C1", "C1"]),
            new TextColumn("clinic_id", ["K1", "K1"]),
            new NumericColumn("session", [1, 2]),
            new NumericColumn("day", [0, 7]),
            new TextColumn("region", ["knee", "knee"]),
            new CodeSetColumn("techniques", [["init"], ["stacking"]]),
            new NumericColumn("pain_pre", [6, 5]),
            new NumericColumn("pain_post", [4, 11]),
        ]);
        var data = SessionDataset.FromTable(table);
        Assert.Equal(1, data.Table.RowCount);
        Assert.Equal(3, Assert.Single(data.Exclusions).Line);
    }

    [Fact]
    public void DataFrame_and_DataView_carry_every_column()
    {
        var data = SessionDataset.Load(RepoFiles.Example("valid-sessions.csv"));
        var frame = data.ToDataFrame();
        Assert.Equal(10, frame.Rows.Count);
        Assert.Equal(data.Table.Columns.Count, frame.Columns.Count);
        Assert.Equal(-2.0, frame["pain_change"][0]);
        Assert.Null(frame["stress"][4]);
        Assert.Equal("ischemic_compression;muscle_energy", frame["techniques"][0]);
        var view = data.ToDataView(new Microsoft.ML.MLContext(seed: 1));
        Assert.NotNull(view.Schema.GetColumnOrNull("pain_change"));
    }

    [Theory]
    [InlineData("empty.csv", "empty")]
    [InlineData("header-only.csv", "no data rows")]
    [InlineData("missing-required-column.csv", "'day' is missing")]
    public void Unusable_files_throw_an_input_error_naming_the_problem(string file, string expected)
    {
        var e = Assert.Throws<NmtInputException>(() => SessionDataset.Load(RepoFiles.Example(file)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_columns_are_all_named()
    {
        var e = Assert.Throws<NmtInputException>(() => Load("client_id,clinic_id,session\nC1,K1,1\n"));
        foreach (var column in new[] { "day", "region", "techniques", "pain_pre", "pain_post" })
        {
            Assert.Contains($"'{column}'", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Direct_identifiers_make_load_throw_with_column_and_line()
    {
        var e = Assert.Throws<NmtInputException>(() => SessionDataset.Load(RepoFiles.Example("email-in-text.csv")));
        Assert.Equal(3, e.Line);
        Assert.Equal("notes", e.Column);
        Assert.Contains("e-mail", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("anna.smith", e.Message, StringComparison.Ordinal);
        var column = Assert.Throws<NmtInputException>(() => SessionDataset.Load(RepoFiles.Example("direct-identifier-column.csv")));
        Assert.Equal(1, column.Line);
        Assert.Equal("First Name", column.Column);
    }

    [Fact]
    public void Non_seekable_streams_are_read_too()
    {
        var bytes = File.ReadAllBytes(RepoFiles.Example("valid-sessions.csv"));
        using var pipe = new NonSeekable(bytes);
        var data = SessionDataset.Load(pipe, "pipe");
        Assert.Equal(10, data.Table.RowCount);
    }

    [Fact]
    public void Large_non_seekable_streams_join_the_sniffed_prefix_and_the_rest_correctly()
    {
        var text = new System.Text.StringBuilder(Header + "\n");
        for (var c = 1; c <= 500; c++)
        {
            for (var s = 1; s <= 6; s++)
            {
                text.Append(CultureInfo.InvariantCulture, $"CLIENT{c:D5},CLINIC01,{s},{(s - 1) * 7},lumbar,ischemic_compression;muscle_energy,{s % 10},{(s + 3) % 10}\n");
            }
        }
        Assert.True(text.Length > 128 * 1024);
        using var pipe = new NonSeekable(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        var data = SessionDataset.Load(pipe, "pipe");
        Assert.Equal(3000, data.Table.RowCount);
        Assert.Equal(3001L, data.Table.SourceLines[^1]);
        Assert.Equal(500, data.Validation.Clients);
        Assert.Equal("CLIENT00500", data.Table.Text("client_id")[^1]);
    }

    [Fact]
    public void Empty_lines_are_skipped_but_still_counted_for_line_numbers()
    {
        var data = Load($"{Header}\nC1,K1,1,0,knee,init,6,4\n\n\nC1,K1,2,7,knee,init,15,4\n");
        Assert.Equal(1, data.Table.RowCount);
        Assert.Equal(5, Assert.Single(data.Exclusions).Line);
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
