using System.Text.Json.Nodes;
using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Benchmarking;

/// <summary>A shared summary holds only aggregates over at least min_clients clients.</summary>
public sealed class SummaryPrivacyTests(BenchmarkFixture fixture) : IClassFixture<BenchmarkFixture>
{
    private static readonly HashSet<string> AllowedKeys = new(StringComparer.Ordinal)
    {
        "schema", "schema_version", "tool", "outcome", "responder_points", "responder_percent", "min_clients", "pseudonymised",
        "design", "variable", "level", "model", "n_clients", "xtx", "xty", "yty", "clinics", "clinic_id", "sum_x", "sum_y", "small_cells",
    };

    private static IEnumerable<(string Key, JsonNode? Value)> Walk(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => new[] { (kv.Key, kv.Value) }.Concat(Walk(kv.Value))),
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };

    private static ColumnTable WithClinicPain(ColumnTable sessions, string clinicId, double pre, double post)
    {
        var clinic = sessions.Text("clinic_id");
        return new ColumnTable(sessions.Columns.Select(c => c.Name switch
        {
            "pain_pre" => (TableColumn)new NumericColumn(c.Name, sessions.Numeric(c.Name).Values.Select((v, r) => clinic[r] == clinicId ? pre : v).ToArray()),
            "pain_post" => new NumericColumn(c.Name, sessions.Numeric(c.Name).Values.Select((v, r) => clinic[r] == clinicId ? post : v).ToArray()),
            _ => c,
        }), sessions.SourceLines.ToArray());
    }

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
        var model = root["model"]!;
        Assert.Equal(design, model["xty"]!.AsArray().Count); // arrays are design-sized, never client-sized
        Assert.Equal(design, model["xtx"]!.AsArray().Count);
        long total = 0;
        foreach (var clinic in root["clinics"]!.AsArray())
        {
            var n = (long)clinic!["n_clients"]!;
            Assert.True(n >= 11);
            Assert.Equal(design, clinic["sum_x"]!.AsArray().Count);
            Assert.Equal(n, (double)clinic["sum_x"]![0]!); // intercept total = n: every total is over the whole clinic
            total += n;
        }
        // The block covers exactly the shown clinics: block minus clinic totals leaves nothing to difference.
        Assert.Equal(total, (long)model["n_clients"]!);
        Assert.Equal(fixture.NetworkResult.Model.Count, total);
    }

    [Fact]
    public void Summary_does_not_depend_on_a_suppressed_clinics_data()
    {
        var options = new BenchmarkOptions();
        var before = BenchmarkSummary.Create(fixture.Network.Table, options).ToJson();
        var after = BenchmarkSummary.Create(WithClinicPain(fixture.Network.Table, "C12", 10, 0), options).ToJson();
        Assert.Equal(before, after);
    }

    [Fact]
    public void Every_level_sum_is_over_at_least_min_clients_or_is_declared()
    {
        var summary = BenchmarkSummary.Create(fixture.Network.Table, new BenchmarkOptions());
        var block = summary.Model;
        for (var j = 0; j < block.Design.Dimension; j++)
        {
            var column = block.Design.Columns[j];
            var support = block.Stats.XtX[j, j];
            if (column.Level is not null && support > 0 && support < 11)
            {
                Assert.Contains(column.Term, summary.SmallCells);
            }
        }
        Assert.Equal(summary.SmallCells.Count, (int)JsonNode.Parse(summary.ToJson())!["small_cells"]!);
    }

    [Fact]
    public void Strict_cells_refuses_sub_aggregates_over_fewer_than_min_clients()
    {
        // Keep 3 clinics: some levels (e.g. sex X) then have fewer than 11 clients in the block.
        var few = BenchmarkFixture.Clinics(fixture.Network.Table, "C04", "C05", "C06");
        var loose = BenchmarkSummary.Create(few, new BenchmarkOptions());
        Assert.NotEmpty(loose.SmallCells);
        var e = Assert.Throws<NmtInputException>(() => BenchmarkSummary.Create(few, new BenchmarkOptions(), strictCells: true));
        Assert.Contains("--allow-small-cells", e.Message, StringComparison.Ordinal);
        Assert.Contains(loose.SmallCells[0], e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_summary_has_every_level_sum_over_at_least_min_clients()
    {
        // Only the required pain columns: every categorical covariate is "(missing)" for all clients, so strict export passes.
        var sessions = fixture.Network.Table;
        var keep = new[] { "client_id", "clinic_id", "session", "pain_pre", "pain_post" };
        var minimal = new ColumnTable(sessions.Columns.Where(c => keep.Contains(c.Name)), sessions.SourceLines.ToArray());
        var summary = BenchmarkSummary.Create(minimal, new BenchmarkOptions(), strictCells: true);
        Assert.Empty(summary.SmallCells);
        var block = summary.Model;
        for (var j = 0; j < block.Design.Dimension; j++)
        {
            if (block.Design.Columns[j].Level is not null)
            {
                Assert.True(block.Stats.XtX[j, j] >= 11, block.Design.Columns[j].Term);
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
        Assert.All(summary.Clinics, c => Assert.Matches("^X-[0-9a-f]{8}$", c.ClinicId));
    }

    [Fact]
    public void Summary_built_with_a_lower_threshold_is_refused()
    {
        var summary = BenchmarkSummary.FromJson(BenchmarkSummary.Create(BenchmarkFixture.Clinics(fixture.Network.Table, "C05", "C06"),
            new BenchmarkOptions { MinClients = 5 }).ToJson(), "low.json");
        var local = BenchmarkFixture.Clinics(fixture.Network.Table, "C04", "C07");
        var e = Assert.Throws<NmtInputException>(() => ClinicBenchmark.Run(local, new BenchmarkOptions(), [summary]));
        Assert.Contains("low.json was exported with --min-clients 5", e.Message, StringComparison.Ordinal);
    }
}
