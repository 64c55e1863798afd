using System.Text.Json.Nodes;
using Nmt.Analytics.Benchmarking;

namespace Nmt.Analytics.Tests.Benchmarking;

/// <summary>A shared summary holds only aggregates over at least min_clients clients.</summary>
public sealed class SummaryPrivacyTests(BenchmarkFixture fixture) : IClassFixture<BenchmarkFixture>
{
    private static readonly HashSet<string> AllowedKeys = new(StringComparer.Ordinal)
    {
        "schema", "schema_version", "tool", "outcome", "responder_points", "responder_percent", "min_clients", "pseudonymised",
        "design", "variable", "level", "clinics", "clinic_id", "n_clients", "xtx", "xty", "yty", "small_cells",
    };

    private static IEnumerable<(string Key, JsonNode? Value)> Walk(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => new[] { (kv.Key, kv.Value) }.Concat(Walk(kv.Value))),
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };

    [Fact]
    public void Summary_contains_no_row_no_client_id_and_no_small_clinic()
    {
        var summary = BenchmarkSummary.Create(fixture.Network.Table, new BenchmarkOptions());
        var text = summary.ToJson();
        var root = JsonNode.Parse(text)!;
        Assert.All(Walk(root), kv => Assert.Contains(kv.Key, AllowedKeys));
        Assert.DoesNotContain("P0", text, StringComparison.Ordinal); // client ids are P0001...
        Assert.DoesNotContain("C12", text, StringComparison.Ordinal); // the tiny clinic, not even as a name
        var design = root["design"]!.AsArray().Count;
        foreach (var clinic in root["clinics"]!.AsArray())
        {
            var n = (long)clinic!["n_clients"]!;
            Assert.True(n >= 11);
            // Arrays are design-sized, never client-sized.
            Assert.Equal(design, clinic["xty"]!.AsArray().Count);
            Assert.Equal(design, clinic["xtx"]!.AsArray().Count);
            // The intercept entries are the clinic's count and outcome total: aggregates over n >= 11 clients.
            Assert.Equal(n, (double)clinic["xtx"]![0]![0]!);
        }
        Assert.Equal(fixture.NetworkResult.Model.Count, root["clinics"]!.AsArray().Sum(c => (long)c!["n_clients"]!));
    }

    [Fact]
    public void Strict_cells_refuses_sub_aggregates_over_fewer_than_min_clients()
    {
        var loose = BenchmarkSummary.Create(fixture.Demo, new BenchmarkOptions());
        Assert.NotEmpty(loose.SmallCells);
        var e = Assert.Throws<NmtInputException>(() => BenchmarkSummary.Create(fixture.Demo, new BenchmarkOptions(), strictCells: true));
        Assert.Contains("--strict-cells", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_summary_has_every_level_sum_over_at_least_min_clients()
    {
        // Only the required pain columns: every categorical covariate is "(missing)" for all clients, so strict export passes.
        var sessions = fixture.Network.Table;
        var keep = new[] { "client_id", "clinic_id", "session", "pain_pre", "pain_post" };
        var minimal = new Nmt.Analytics.Data.ColumnTable(sessions.Columns.Where(c => keep.Contains(c.Name)), sessions.SourceLines.ToArray());
        var summary = BenchmarkSummary.Create(minimal, new BenchmarkOptions(), strictCells: true);
        Assert.Empty(summary.SmallCells);
        foreach (var clinic in summary.Clinics)
        {
            for (var j = 0; j < clinic.Design.Dimension; j++)
            {
                var support = clinic.Stats.XtX[j, j];
                if (clinic.Design.Columns[j].Level is not null)
                {
                    Assert.True(support >= 11, $"{clinic.ClinicId} {clinic.Design.Columns[j].Term} {support}");
                }
            }
        }
    }

    [Fact]
    public void Pseudonymised_summary_hides_clinic_ids_but_keeps_the_statistics()
    {
        var summary = BenchmarkSummary.Create(fixture.Demo, new BenchmarkOptions(), pseudonymise: true);
        var text = summary.ToJson();
        Assert.DoesNotMatch("\"C\\d\\d\"", text);
        Assert.True((bool)JsonNode.Parse(text)!["pseudonymised"]!);
        var plain = BenchmarkSummary.Create(fixture.Demo, new BenchmarkOptions());
        Assert.Equal(plain.Clinics.Select(c => c.NClients).Order(), summary.Clinics.Select(c => c.NClients).Order());
        Assert.All(summary.Clinics, c => Assert.Matches("^X\\d\\d$", c.ClinicId));
    }
}
