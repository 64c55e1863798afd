using System.Text.Json.Nodes;
using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Benchmarking;

/// <summary>Bad input gives clear messages.</summary>
public sealed class BadInputTests(BenchmarkFixture fixture) : IClassFixture<BenchmarkFixture>
{
    [Fact]
    public void A_single_clinic_cannot_be_benchmarked_alone()
    {
        var one = BenchmarkFixture.Clinics(fixture.Network.Table, "C04", "C12");
        var e = Assert.Throws<NmtInputException>(() => ClinicBenchmark.Run(one, new BenchmarkOptions()));
        Assert.Contains("at least 2 clinics", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 suppressed", e.Message, StringComparison.Ordinal); // C12 (8 clients) and C04 as its complement
        Assert.Contains("--reference", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clinic_without_complete_episodes_is_named_and_suppressed()
    {
        var sessions = BenchmarkFixture.Clinics(fixture.Network.Table, "C04", "C05", "C06");
        var clinic = sessions.Text("clinic_id");
        var pre = sessions.Numeric("pain_pre").Values.Select((v, r) => clinic[r] == "C06" ? double.NaN : v).ToArray();
        var broken = new ColumnTable(sessions.Columns.Select(c => c.Name == "pain_pre" ? new NumericColumn("pain_pre", pre) : c), sessions.SourceLines.ToArray());
        var result = ClinicBenchmark.Run(broken, new BenchmarkOptions());
        Assert.Equal(PerformanceFlag.Suppressed, result.Clinics.Single(c => c.ClinicId == "C06").Flag);
        Assert.Contains(result.Tidy().Notes, n => n.Contains("clinic C06 has no complete episodes", StringComparison.Ordinal));
        Assert.Contains(result.ExclusionCounts().Rows, r => ((string)r[0]!).Contains("no pain_pre", StringComparison.Ordinal));
    }

    [Fact]
    public void No_complete_episode_at_all_is_an_error()
    {
        var sessions = BenchmarkFixture.Clinics(fixture.Network.Table, "C04");
        var broken = new ColumnTable(sessions.Columns.Select(c => c.Name == "pain_post"
            ? new NumericColumn("pain_post", new double[sessions.RowCount].Select(_ => double.NaN).ToArray()) : c), sessions.SourceLines.ToArray());
        var e = Assert.Throws<NmtInputException>(() => ClinicBenchmark.Run(broken, new BenchmarkOptions()));
        Assert.Contains("no complete episodes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_clinic_column_is_named()
    {
        var sessions = fixture.Network.Table;
        var without = new ColumnTable(sessions.Columns.Where(c => c.Name != "clinic_id"), sessions.SourceLines.ToArray());
        var e = Assert.Throws<NmtInputException>(() => ClinicBenchmark.Run(without, new BenchmarkOptions()));
        Assert.Contains("clinic_id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_of_another_schema_version_or_outcome_is_refused()
    {
        var summary = BenchmarkSummary.Create(BenchmarkFixture.Clinics(fixture.Network.Table, "C05", "C06"), new BenchmarkOptions());
        var node = JsonNode.Parse(summary.ToJson())!;
        node["schema_version"] = 2;
        var e = Assert.Throws<NmtInputException>(() => BenchmarkSummary.FromJson(node.ToJsonString(), "old.json"));
        Assert.Contains("old.json: summary schema version 2 is not supported", e.Message, StringComparison.Ordinal);

        var local = BenchmarkFixture.Clinics(fixture.Network.Table, "C04", "C07");
        var read = BenchmarkSummary.FromJson(summary.ToJson(), "s.json");
        var mismatch = Assert.Throws<NmtInputException>(() =>
            ClinicBenchmark.Run(local, new BenchmarkOptions { Outcome = BenchmarkOutcome.Responder }, [read]));
        Assert.Contains("s.json summarises 'episode_change'", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("--outcome", mismatch.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "not a benchmark summary")]
    [InlineData("{\"schema\":\"other\"}", "not a benchmark summary")]
    [InlineData("{ nope", "not valid JSON")]
    public void Something_else_than_a_summary_is_refused(string json, string message)
    {
        var e = Assert.Throws<NmtInputException>(() => BenchmarkSummary.FromJson(json, "x.json"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_summary_and_unknown_design_column_are_refused()
    {
        var summary = BenchmarkSummary.Create(BenchmarkFixture.Clinics(fixture.Network.Table, "C05"), new BenchmarkOptions());
        var node = JsonNode.Parse(summary.ToJson())!;
        node["design"]![1]!["variable"] = "income";
        var e = Assert.Throws<NmtInputException>(() => BenchmarkSummary.FromJson(node.ToJsonString(), "x.json"));
        Assert.Contains("unknown column 'income'", e.Message, StringComparison.Ordinal);
        var cut = JsonNode.Parse(summary.ToJson())!;
        cut["clinics"]![0]!["sum_x"]!.AsArray().RemoveAt(0);
        Assert.Throws<NmtInputException>(() => BenchmarkSummary.FromJson(cut.ToJsonString(), "x.json"));
        var edited = JsonNode.Parse(summary.ToJson())!;
        edited["clinics"]![0]!["n_clients"] = 5000;
        var local = BenchmarkFixture.Clinics(fixture.Network.Table, "C04");
        var ex = Assert.Throws<NmtInputException>(() => ClinicBenchmark.Run(local, new BenchmarkOptions(), [BenchmarkSummary.FromJson(edited.ToJsonString(), "x.json")]));
        Assert.Contains("damaged or was edited", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_clinic_twice_is_refused()
    {
        var local = BenchmarkFixture.Clinics(fixture.Network.Table, "C04", "C05");
        var summary = BenchmarkSummary.FromJson(BenchmarkSummary.Create(local, new BenchmarkOptions()).ToJson(), "mine.json");
        var e = Assert.Throws<NmtInputException>(() => ClinicBenchmark.Run(local, new BenchmarkOptions(), [summary]));
        Assert.Contains("appears in both local and mine.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Min_clients_below_one_and_unknown_outcome_are_refused()
    {
        Assert.Throws<NmtInputException>(() => new BenchmarkOptions { MinClients = 0 }.Validate());
        var e = Assert.Throws<NmtInputException>(() => BenchmarkOutcomes.Parse("pain"));
        Assert.Contains("episode_change or responder", e.Message, StringComparison.Ordinal);
    }
}
