using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Tests.TidyResults;

/// <summary><see cref="ResultOutput"/>: what every command prints, in each format, and what goes to standard error.</summary>
public class ResultOutputTests
{
    private static ResultTable Table(string title, double value) => new ResultTable(title, "term", "estimate").AddRow("x", value);

    private static (string Out, string Error, int Code) Write(ResultOutput output, OutputFormat format)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = output.Write(format, stdout, stderr);
        return (stdout.ToString(), stderr.ToString(), code);
    }

    private static RowAccounting Rows() =>
        DataLoader.FromTable(new ColumnTable([new NumericColumn("y", [1, 2, 3])])).Account([new RowExclusion(3, "missing y")]);

    [Fact]
    public void Json_is_one_document_with_the_row_accounting_and_no_rows_line()
    {
        var output = ResultOutput.WithRows(() => new JsonObject { ["estimate"] = 0.1 + 0.2 }, [Table("Coefficients", 1)], Rows()) with { Messages = ["note: read as a plain table"] };

        var (stdout, stderr, code) = Write(output, OutputFormat.Json);

        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(0.30000000000000004, (double)json["estimate"]!);
        Assert.Equal(3, (long)json["n_read"]!);
        Assert.Equal(2, (long)json["n_used"]!);
        Assert.Equal(3, (long)json["excluded_rows"]![0]!["row"]!);
        Assert.Equal("note: read as a plain table" + Environment.NewLine, stderr);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Text_shows_tables_then_text_lines_and_puts_the_rows_line_before_text_messages()
    {
        var output = new ResultOutput(() => new JsonObject(), [Table("First", 1), Table("Second", 2)])
        {
            TextLines = ["Evidence summary"],
            Rows = Rows(),
            Messages = ["always"],
            TextMessages = ["model saved to m.zip"],
        };

        var (stdout, stderr, _) = Write(output, OutputFormat.Table);

        Assert.True(stdout.IndexOf("First", StringComparison.Ordinal) < stdout.IndexOf("Second", StringComparison.Ordinal));
        Assert.EndsWith("Evidence summary" + Environment.NewLine, stdout, StringComparison.Ordinal);
        var lines = stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "always", Rows().Summary(), "model saved to m.zip" }, lines);
    }

    [Fact]
    public void Csv_writes_the_csv_tables_separated_by_a_blank_line()
    {
        var output = new ResultOutput(() => new JsonObject(), [Table("Shown", 1)]) { CsvTables = [Table("A", 1), Table("B", 2)], TextLines = ["not in csv"] };

        var (stdout, _, _) = Write(output, OutputFormat.Csv);

        Assert.Equal("term,estimate\nx,1\n" + Environment.NewLine + "term,estimate\nx,2\n", stdout);
    }

    [Fact]
    public void Plain_text_stands_for_the_result_in_every_format_with_its_messages_and_exit_code()
    {
        var output = ResultOutput.PlainText("SELECT 1;") with { Messages = ["written"], Rows = Rows(), ExitCode = 1 };

        foreach (var format in Enum.GetValues<OutputFormat>())
        {
            var (stdout, stderr, code) = Write(output, format);
            Assert.Equal("SELECT 1;" + Environment.NewLine, stdout);
            Assert.Equal("written" + Environment.NewLine, stderr);
            Assert.Equal(1, code);
        }
        Assert.Equal("SELECT 1;", output.ToJson().GetValue<string>());
    }

    [Fact]
    public void Tables_become_one_json_object_under_their_keys_or_snake_case_titles()
    {
        var keyed = ResultJson.Tables([Table("Simulation", 1)], ["simulation"]);
        var titled = ResultOutput.OfTables([Table("Pain change / by-group", 1), Table("Effect sizes", 2)]).ToJson().AsObject();

        Assert.Equal(1, (double)keyed["simulation"]![0]!["estimate"]!);
        Assert.Equal(new[] { "pain_change_by_group", "effect_sizes" }, titled.Select(p => p.Key));
        Assert.Equal(2, (double)titled["effect_sizes"]![0]!["estimate"]!);
    }
}
