using Nmt.Analytics.Tests.Data;

namespace Nmt.Analytics.Tests.Cli;

/// <summary>
/// Regression tests built from the reproductions of issue 12 ("Nothing lost, nothing leaked"): exclusions in every
/// result, exit 1 with a message for every user mistake, no surprise overwrites.
/// </summary>
public sealed class Issue12CliTests : IDisposable
{
    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Sim() => _temp.Write("sim.csv", SimulatedCsv.Issue12);

    /// <summary>sim.csv with pain_pre 11 on line 5 and an unknown technique on line 9.</summary>
    private string Bad()
    {
        var csv = SimulatedCsv.ReplaceLine(SimulatedCsv.Issue12, 5, l => SimulatedCsv.SetField(l, 7, "11"));
        return _temp.Write("bad.csv", SimulatedCsv.ReplaceLine(csv, 9, l => SimulatedCsv.SetField(l, 6, "foo")));
    }

    [Theory]
    [InlineData("fit", "--formula", "pain_change ~ pain_pre")]
    [InlineData("describe")]
    [InlineData("benchmark")]
    [InlineData("predict", "--target", "pain_change", "--trainer", "linear", "--folds", "2")]
    [InlineData("meta", "--network", "muscle_energy")]
    public void Rows_failing_validation_are_listed_in_every_result(string command, params string[] rest)
    {
        var run = CliRun.Of([command, Bad(), .. rest, "--format", "json"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var json = run.Json();
        var excluded = json["excluded_rows"]!.AsArray().Select(r => r!["row"]!.GetValue<long>()).ToList();
        Assert.Contains(5L, excluded);
        Assert.Contains(9L, excluded);
        Assert.Equal(1260, json["n_read"]!.GetValue<long>());
        Assert.Equal(1260, json["n_used"]!.GetValue<long>() + excluded.Count);
        Assert.DoesNotContain("P0", json["excluded_rows"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("describe")]
    [InlineData("benchmark")]
    [InlineData("fit", "--formula", "pain_change ~ pain_pre")]
    public void Table_output_prints_a_one_line_row_summary_on_stderr(string command, params string[] rest)
    {
        var run = CliRun.Of([command, Bad(), .. rest]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("rows: 1260 read", run.Error, StringComparison.Ordinal);
        Assert.Contains("first at line 5", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unterminated_quote_fails_fit_and_report_with_its_line()
    {
        var path = _temp.Write("unterm.csv", SimulatedCsv.ReplaceLine(SimulatedCsv.Issue12, 11, l => "\"" + l));

        CliRun.Of("validate", path).AssertUserError("line 11");
        CliRun.Of("fit", path, "--formula", "pain_change ~ stress").AssertUserError("line 11");
        CliRun.Of("report", path, "--out", _temp.PathOf("r"), "--no-prediction").AssertUserError("line 11");
        Assert.False(Directory.Exists(_temp.PathOf("r")));
    }

    [Fact]
    public void Every_user_mistake_of_the_issue_exits_1_with_a_message()
    {
        var sim = Sim();
        var oneClinic = _temp.Write("one.csv", string.Join('\n', SimulatedCsv.Issue12.Split('\n').Select((l, i) => i == 0 || l.Length == 0 ? l : SimulatedCsv.SetField(l, 1, "C01"))));
        var big = _temp.Write("big.csv", "study,yi,vi\nA,1e308,0.1\nB,0.2,0.1\nC,0.3,0.2\n");
        var file = _temp.Write("afile", "x");
        var deep = "pain_change ~ " + new string('(', 8000) + "stress" + new string(')', 8000);

        CliRun.Of("fit", sim, "--formula", "").AssertUserError("formula is empty");
        CliRun.Of("fit", sim, "--formula", "pain_change ~ stress", "--confidence", "NaN").AssertUserError("--confidence");
        CliRun.Of("fit", oneClinic, "--formula", "pain_change ~ stress + (1|clinic_id)", "--model", "lmm").AssertUserError("clinic_id", "1 level");
        CliRun.Of("fit", sim, "--formula", deep).AssertUserError("formula");
        CliRun.Of("fit", sim, "--formula", "pain_change ~ stress + (1|client_id)").AssertUserError("--model lmm");
        CliRun.Of("report", sim, "--out", file).AssertUserError("is a file");
        CliRun.Of("meta", big).AssertUserError("line 2", "yi");
        CliRun.Of("simulate", "--clients", "2147483647", "--out", _temp.PathOf("x.csv")).AssertUserError("--clients");
        CliRun.Of("describe", _temp.Folder).AssertUserError("is a directory");
        CliRun.Of("meta", sim, "--network", "muscle_enrgy").AssertUserError("muscle_enrgy", "muscle_energy");
    }

    [Fact]
    public void A_symbolic_link_loop_is_a_user_error()
    {
        var a = _temp.PathOf("loop1");
        var b = _temp.PathOf("loop2");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        CliRun.Of("validate", a).AssertUserError("loop1");
        CliRun.Of("describe", a).AssertUserError("loop1");
    }

    [Fact]
    public void Written_files_are_never_replaced_without_force()
    {
        var sim = Sim();
        var before = File.ReadAllText(sim);
        CliRun.Of("simulate", "--clients", "30", "--clinics", "3", "--out", sim).AssertUserError("already exists", "--force");
        Assert.Equal(before, File.ReadAllText(sim));
        Assert.Equal(0, CliRun.Of("simulate", "--clients", "30", "--clinics", "3", "--out", sim, "--force").ExitCode);
        Assert.NotEqual(before, File.ReadAllText(sim));

        var x = _temp.PathOf("x.csv");
        CliRun.Of("simulate", "--clients", "30", "--clinics", "3", "--out", x, "--truth", x).AssertUserError("same file");
        Assert.False(File.Exists(x));

        var summary = _temp.Write("s.json", "keep");
        CliRun.Of("benchmark", "export", "--demo", "--out", summary).AssertUserError("already exists");
        Assert.Equal("keep", File.ReadAllText(summary));

        var forest = _temp.Write("f.png", "keep");
        CliRun.Of("meta", "--demo", "--forest", forest).AssertUserError("already exists");
        Assert.Equal(0, CliRun.Of("meta", "--demo", "--forest", forest, "--force").ExitCode);
        Assert.NotEqual("keep", File.ReadAllText(forest));

        var model = _temp.Write("m.zip", "keep");
        CliRun.Of("predict", "--demo", "--target", "pain_change", "--save", model).AssertUserError("already exists");
        Assert.Empty(Directory.GetFiles(_temp.Folder, ".*partial*"));
    }

    [Fact]
    public void Report_refuses_a_non_empty_folder_and_with_force_leaves_nothing_stale()
    {
        var folder = _temp.PathOf("report");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "stale.txt"), "old");

        CliRun.Of("report", "--demo", "--out", folder, "--no-prediction").AssertUserError("not empty", "--force");
        var run = CliRun.Of("report", "--demo", "--out", folder, "--no-prediction", "--force");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.False(File.Exists(Path.Combine(folder, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(folder, "index.html")));
        Assert.Empty(Directory.GetDirectories(_temp.Folder, ".*"));
    }

    [Fact]
    public void Benchmark_defaults_are_the_recommended_analysis()
    {
        var json = CliRun.Of("benchmark", "--demo", "--format", "json").Json();
        var loose = CliRun.Of("benchmark", "--demo", "--format", "json", "--no-overdispersion").Json();

        Assert.True(json["overdispersion"]!.GetValue<bool>());
        Assert.False(loose["overdispersion"]!.GetValue<bool>());
    }

    [Fact]
    public void Csv_output_neutralises_spreadsheet_formulas()
    {
        var csv = SimulatedCsv.Issue12.Replace(",C01,", ",=HYPERLINK(1),", StringComparison.Ordinal);
        var path = _temp.Write("inj.csv", csv);

        var run = CliRun.Of("describe", path, "--by", "clinic", "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("'=HYPERLINK(1)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", run.Out, StringComparison.Ordinal);
    }
}
