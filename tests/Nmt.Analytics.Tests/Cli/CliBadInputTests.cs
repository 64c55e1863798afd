namespace Nmt.Analytics.Tests.Cli;

/// <summary>Bad input gets exit 1 and a clear message (line, column, what to fix), never a stack trace.</summary>
public sealed class CliBadInputTests : IDisposable
{
    private const string Header = "client_id,clinic_id,session,day,region,techniques,pain_pre,pain_post";

    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("validate")]
    [InlineData("describe")]
    [InlineData("fit", "--formula", "pain_change ~ stress")]
    [InlineData("meta")]
    public void Nonexistent_file_is_a_user_error_naming_the_file(string command, params string[] rest)
    {
        var missing = _temp.PathOf("no-such-file.csv");

        CliRun.Of([command, missing, .. rest]).AssertUserError("no-such-file.csv");
    }

    [Fact]
    public void Nonexistent_notebook_is_a_user_error_naming_the_file()
    {
        CliRun.Of("notebook", "run", _temp.PathOf("no-such.ipynb")).AssertUserError("no-such.ipynb");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("describe")]
    [InlineData("fit", "--formula", "pain_change ~ pain_pre")]
    public void Direct_identifier_column_is_refused_with_its_column_and_line(string command, params string[] rest)
    {
        var path = _temp.Write("names.csv", Header + ",client_name\nC001,K01,1,0,cervical,init,7,5,Anna\nC001,K01,2,7,cervical,init,6,4,Anna\n");

        CliRun.Of([command, path, .. rest]).AssertUserError("client_name", "line 1");
    }

    [Fact]
    public void Email_in_a_value_is_refused_with_its_line()
    {
        var path = _temp.Write("email.csv", Header + ",notes\nC001,K01,1,0,cervical,init,7,5,ok\nC001,K01,2,7,cervical,init,6,4,mail anna@example.com\n");

        CliRun.Of("fit", path, "--formula", "pain_change ~ pain_pre").AssertUserError("line 3", "notes");
    }

    [Theory]
    [InlineData("validate", "--demo", "--bogus")]
    [InlineData("describe", "--demo", "--bogus")]
    [InlineData("fit", "--demo", "--formula", "pain_change ~ stress", "--bogus")]
    [InlineData("meta", "--demo", "--bogus")]
    [InlineData("simulate", "--clients", "10", "--out", "x.csv", "--bogus")]
    public void Unknown_option_is_a_user_error(params string[] args)
    {
        CliRun.Of(args).AssertUserError("--bogus");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("describe")]
    [InlineData("fit", "--formula", "pain_change ~ stress")]
    public void Data_file_and_demo_together_are_refused(string command, params string[] rest)
    {
        var path = _temp.Write("valid.csv", Header + "\nC001,K01,1,0,cervical,init,7,5\n");

        CliRun.Of([command, path, "--demo", .. rest]).AssertUserError("--demo");
    }

    [Fact]
    public void Bad_formula_reports_its_position()
    {
        CliRun.Of("fit", "--demo", "--formula", "pain_change ~ stress +").AssertUserError("position 23", "end of formula");
    }

    [Fact]
    public void Unknown_column_in_a_formula_suggests_the_closest_name()
    {
        CliRun.Of("fit", "--demo", "--formula", "pain_change ~ strss").AssertUserError("'strss'", "Did you mean 'stress'?");
    }

    [Fact]
    public void Missing_required_option_is_a_user_error()
    {
        var run = CliRun.Of("fit", "--demo");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--formula", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_fit_writes_nothing_to_stdout()
    {
        var run = CliRun.Of("fit", "--demo", "--formula", "pain_change ~ strss", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
    }
}
