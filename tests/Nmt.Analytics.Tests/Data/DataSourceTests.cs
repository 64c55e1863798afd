using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary><see cref="DataSource"/> (DATA or --demo, exactly one) and <see cref="ValidateRequest"/> (what <c>nmt validate</c> prints).</summary>
public class DataSourceTests
{
    [Theory]
    [InlineData("--bogus", false, "unknown option '--bogus'")]
    [InlineData("data.csv", true, "give either a DATA file or --demo, not both.")]
    [InlineData(null, false, DataSource.NoData)]
    public void An_ambiguous_or_missing_source_is_a_user_error(string? path, bool demo, string message)
    {
        var e = Assert.Throws<NmtInputException>(() => new DataSource(path, demo).Open(() => "demo", file => file));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_takes_the_demo_or_the_full_path_of_the_file()
    {
        Assert.Equal("demo", new DataSource(null, true).Open(() => "demo", file => file));
        Assert.Equal(Path.GetFullPath("data.csv"), new DataSource("data.csv", false).Open(() => "demo", file => file));
        var e = Assert.Throws<NmtInputException>(() => new DataSource(null, false).Open(() => 0, _ => 1, "no study table"));
        Assert.Equal("no study table", e.Message);
    }

    [Fact]
    public void Demo_sessions_load_under_the_demo_name()
    {
        var loaded = new DataSource(null, true).LoadSessions();
        Assert.True(loaded.IsSessionData);
        Assert.Equal(DataLoader.DemoName, loaded.SourceName);
    }

    [Fact]
    public void Validation_lists_errors_on_stderr_and_exits_1_for_invalid_data()
    {
        var output = new ValidateRequest(new DataSource(RepoFiles.Example("out-of-range-pain.csv"), false)).Run();

        Assert.Equal(1, output.ExitCode);
        Assert.Contains(output.Messages, m => m.Contains("line 2, column 'pain_pre'", StringComparison.Ordinal));
        Assert.Matches(@"^out-of-range-pain\.csv: \d+ error\(s\), \d+ row\(s\) excluded\.$", output.Messages[^1]);
        Assert.NotNull(output.ToJson()["summary"]);
    }

    [Fact]
    public void Valid_demo_data_exit_0_and_a_negative_issue_limit_is_refused()
    {
        var output = new ValidateRequest(new DataSource(null, true), MaxIssues: 5).Run();
        Assert.Equal(0, output.ExitCode);
        Assert.Empty(output.Messages);
        Assert.Throws<NmtInputException>(() => new ValidateRequest(new DataSource(null, true), -1).Run());
    }
}
