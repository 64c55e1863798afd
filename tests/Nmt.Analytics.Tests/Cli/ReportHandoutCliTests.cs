using Nmt.Analytics.Tests.Data;

namespace Nmt.Analytics.Tests.Cli;

/// <summary><c>nmt report --handout</c>: writes handout.html beside index.html; without study data it is a user error that writes nothing.</summary>
public sealed class ReportHandoutCliTests : IDisposable
{
    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Handout_is_written_beside_the_report_and_needs_studies()
    {
        var sim = _temp.Write("sim.csv", SimulatedCsv.Issue12);
        CliRun.Of("report", sim, "--out", _temp.PathOf("none"), "--no-prediction", "--handout").AssertUserError("--handout", "--studies");
        Assert.False(Directory.Exists(_temp.PathOf("none")));

        var folder = _temp.PathOf("report");
        var run = CliRun.Of("report", "--demo", "--out", folder, "--no-prediction", "--handout");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("handout.html", run.Out, StringComparison.Ordinal);
        Assert.Contains("class=\"handout-page\"", File.ReadAllText(Path.Combine(folder, "handout.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "index.html")));
    }
}
