using System.Text.Json.Nodes;

namespace Nmt.Analytics.Tests.Cli;

public sealed class BenchmarkCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var run = CliRun.Of(args);
        return (run.ExitCode, run.Out, run.Error);
    }

    [Fact]
    public void Demo_json_follows_the_contract()
    {
        var (code, stdout, _) = Run("benchmark", "--demo", "--format", "json");
        Assert.Equal(0, code);
        var root = JsonNode.Parse(stdout)!;
        Assert.Equal("episode_change", (string?)root["outcome"]);
        Assert.Equal(11, (int)root["min_clients"]!);
        var clinics = root["clinics"]!.AsArray();
        Assert.Equal(12, clinics.Count);
        foreach (var clinic in clinics)
        {
            foreach (var key in new[] { "clinic_id", "n_clients", "observed", "expected", "difference", "ci_low", "ci_high", "flag", "suppressed" })
            {
                Assert.True(clinic!.AsObject().ContainsKey(key), key);
            }
            Assert.Contains((string?)clinic!["flag"], new[] { "better", "as_expected", "worse", "suppressed" });
        }
        Assert.Equal("suppressed", (string?)clinics.Single(c => (string?)c!["clinic_id"] == "C12")!["flag"]);
    }

    [Fact]
    public void Export_then_compare_against_the_summary()
    {
        var dir = Directory.CreateTempSubdirectory("nmt-bench-").FullName;
        try
        {
            var path = Path.Combine(dir, "s.json");
            var (refused, _, why) = Run("benchmark", "export", "--demo", "--out", path, "--pseudonymise", "--format", "csv");
            Assert.Equal(1, refused); // the demo has covariate levels held by fewer than 11 clients: refused by default
            Assert.Contains("--allow-small-cells", why, StringComparison.Ordinal);
            var (code, stdout, _) = Run("benchmark", "export", "--demo", "--out", path, "--pseudonymise", "--allow-small-cells", "--format", "csv");
            Assert.Equal(0, code);
            Assert.Contains("episode_change", stdout, StringComparison.Ordinal);
            var (code2, stdout2, stderr2) = Run("benchmark", "--demo", "--reference", path, "--format", "json");
            Assert.Equal(0, code2);
            Assert.Equal("", stderr2);
            Assert.Equal(22, JsonNode.Parse(stdout2)!["clinics"]!.AsArray().Count); // 12 local (2 suppressed: the tiny clinic and its complement) + 10 pseudonymised (random labels never clash with C01...)
            var (code3, _, stderr3) = Run("benchmark", "--demo", "--reference", path, "--outcome", "responder");
            Assert.Equal(1, code3);
            Assert.Contains("summarises 'episode_change'", stderr3, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("benchmark --demo --min-clients 0", "--min-clients must be at least 1")]
    [InlineData("benchmark --demo --outcome pain", "unknown outcome 'pain'")]
    [InlineData("benchmark", "give a DATA file (CSV or Parquet), or --demo")]
    [InlineData("benchmark --demo --reference /tmp/nmt-no-such-summary-4711.json", "file not found")]
    public void Usage_errors_exit_with_one_and_a_message(string args, string message)
    {
        var (code, _, stderr) = Run(args.Split(' '));
        Assert.Equal(1, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_output_shows_no_figures_for_the_suppressed_clinic()
    {
        var (code, stdout, _) = Run("benchmark", "--demo", "--format", "csv", "--outcome", "responder");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n');
        Assert.StartsWith("clinic_id,source,n_clients,observed,expected,difference", lines[0], StringComparison.Ordinal);
        var tiny = lines.Single(l => l.StartsWith("C12,", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"\d", tiny.Replace("C12", "", StringComparison.Ordinal));
        Assert.Contains("suppressed", tiny, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("C01,local,51,", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_output_shows_the_case_mix_model_and_suppressed_clinic()
    {
        var (code, stdout, _) = Run("benchmark", "--demo", "--overdispersion");
        Assert.Equal(0, code);
        Assert.Contains("Case-mix model", stdout, StringComparison.Ordinal);
        Assert.Contains("suppressed", stdout, StringComparison.Ordinal);
        Assert.Contains("Overdispersion: limits and intervals widened", stdout, StringComparison.Ordinal);
    }
}
