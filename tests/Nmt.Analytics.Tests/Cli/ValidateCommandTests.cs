using System.Text.Json.Nodes;
using Nmt.Analytics.Tests.Data;

namespace Nmt.Analytics.Tests.Cli;

public class ValidateCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var run = CliRun.Of(args);
        return (run.ExitCode, run.Out, run.Error);
    }

    [Fact]
    public void Valid_file_exits_0_with_a_summary()
    {
        var (code, output, error) = Run("validate", RepoFiles.Example("valid-sessions.csv"));
        Assert.Equal(0, code);
        Assert.Contains("summary", output, StringComparison.Ordinal);
        Assert.Contains("anonymity", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public void Errors_exit_1_and_each_error_goes_to_stderr_with_line_column_and_reason()
    {
        var (code, _, error) = Run("validate", RepoFiles.Example("out-of-range-pain.csv"));
        Assert.Equal(1, code);
        Assert.Contains("line 2, column 'pain_pre': pain_pre 12 is outside 0..10", error, StringComparison.Ordinal);
        Assert.Contains("line 4, column 'stress'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Direct_identifiers_exit_1()
    {
        var (code, _, error) = Run("validate", RepoFiles.Example("direct-identifier-column.csv"));
        Assert.Equal(1, code);
        Assert.Contains("First Name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_has_summary_rules_anonymity_and_issues()
    {
        var (code, output, _) = Run("validate", RepoFiles.Example("unknown-code.csv"), "--format", "json", "--max-issues", "2");
        Assert.Equal(1, code);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(3, (int)json["summary"]!["rows"]!);
        Assert.Equal(3, (int)json["summary"]!["errors"]!);
        Assert.Equal(2, json["issues"]!.AsArray().Count);
        Assert.Equal(3, (int)json["rules"]!.AsArray().Single(r => (string)r!["rule"]! == "unknown_code")!["issues"]!);
        Assert.NotNull(json["anonymity"]!["k"]);
    }

    [Fact]
    public void Csv_output_and_missing_file_and_demo()
    {
        Assert.Equal(0, Run("validate", RepoFiles.Example("semicolon-decimal-comma.csv"), "--format", "csv").Code);
        var missing = Run("validate", "/nonexistent/data.csv");
        Assert.Equal(1, missing.Code);
        Assert.Contains("not found", missing.Err, StringComparison.Ordinal);
        var demo = Run("validate", "--demo");
        Assert.Equal(0, demo.Code);
        Assert.Contains("demo data (simulated)", demo.Out, StringComparison.Ordinal);
        Assert.Equal(1, Run("validate").Code);
    }
}
