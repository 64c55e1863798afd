using Nmt.Analytics.Cli;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Cli;

public sealed class SimulateCommandTests
{
    [Fact]
    public void Writes_the_CSV_and_truth_and_reports_a_summary()
    {
        var dir = Directory.CreateTempSubdirectory("nmt-sim-").FullName;
        try
        {
            var csv = Path.Combine(dir, "s.csv");
            var truth = Path.Combine(dir, "t.json");
            var (code, stdout, _) = Run("simulate", "--clients", "50", "--clinics", "4", "--seed", "3", "--out", csv, "--truth", truth, "--format", "json");
            Assert.Equal(0, code);
            Assert.Contains("\"clients\": 50", stdout, StringComparison.Ordinal);
            Assert.Equal(3, GroundTruth.Load(truth).Options.Seed);
            var lines = File.ReadAllLines(csv);
            Assert.StartsWith("client_id,", lines[0], StringComparison.Ordinal);
            Assert.Equal(50, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Bad_client_count_exits_with_one(string clients)
    {
        var (code, _, stderr) = Run("simulate", "--clients", clients, "--out", Path.Combine(Path.GetTempPath(), "never.csv"));
        Assert.Equal(1, code);
        Assert.Contains("--clients must be at least 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwritable_path_exits_with_one()
    {
        var (code, _, stderr) = Run("simulate", "--clients", "5", "--clinics", "1", "--out", "/nonexistent-dir-nmt/x/s.csv");
        Assert.Equal(1, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal); // said as such, before simulating
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = NmtCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
