using Nmt.Analytics.Tests.Formulas;

namespace Nmt.Analytics.Tests.Cli;

/// <summary><c>nmt fit</c> as a user runs it: options, formats and exit codes (the statistics are tested on <c>ModelFitter</c>).</summary>
public class FitCommandTests
{
    private static readonly string Mtcars = ReferenceCsv.PathOf("Models", "mtcars.csv");

    [Fact]
    public void Missing_file_is_a_user_error()
    {
        CliRun.Of("fit", "sessions.csv", "--formula", "pain_change ~ stress").AssertUserError("error: file not found");
    }

    [Fact]
    public void Unknown_model_is_a_user_error()
    {
        Assert.Equal(1, CliRun.Of("fit", Mtcars, "--formula", "mpg ~ wt", "--model", "glmm").ExitCode);
    }

    [Theory]
    [InlineData("json", "\"fixed_effects\"")]
    [InlineData("csv", "term,estimate,std_error,statistic,df,p_value,ci_low,ci_high")]
    [InlineData("table", "Coefficients")]
    public void Writes_the_chosen_format(string format, string expected)
    {
        var run = CliRun.Of("fit", Mtcars, "--formula", "mpg ~ wt * factor(am)", "--cluster", "gear", "--format", format);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("error", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        if (format == "json")
        {
            var json = run.Json();
            Assert.Equal("wt:factor(am)1", (string?)json["fixed_effects"]![3]!["term"]);
            Assert.Equal(2.0, (double)json["fixed_effects"]![0]!["df"]!);
        }
    }

    [Fact]
    public void Glm_family_and_old_level_option_are_accepted()
    {
        var run = CliRun.Of("fit", Mtcars, "--formula", "carb ~ wt", "--model", "glm", "--family", "poisson", "--confidence", "0.9", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal("poisson", (string?)json["family"]);
        var row = json["fixed_effects"]![1]!;
        var halfWidth = ((double)row["ci_high"]! - (double)row["ci_low"]!) / 2;
        Assert.Equal(1.6448536269514722 * (double)row["std_error"]!, halfWidth, 10); // z(0.95) for a 90 % interval
    }

    [Fact]
    public void Formula_errors_are_user_errors_with_the_position()
    {
        var run = CliRun.Of("fit", Mtcars, "--formula", "mpg ~ wt +");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: formula position 11: expected a variable", run.Error, StringComparison.Ordinal);
    }
}
