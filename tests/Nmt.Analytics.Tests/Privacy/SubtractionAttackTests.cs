using System.Globalization;
using System.Text.Json.Nodes;
using Nmt.Analytics.Tests.Cli;
using Nmt.Analytics.Tests.Data;

namespace Nmt.Analytics.Tests.Privacy;

/// <summary>
/// Attacks the disclosure rules as a hostile reader of the shared outputs would: subtract the published clinics from
/// the published totals, within one output and across <c>describe</c>, <c>benchmark</c> and <c>report</c> of the
/// same data, on simulated networks with tiny clinics (the issue-12 network, whose C08 has 8 clients, and the same
/// network with a second tiny clinic of 5 clients carved out of C01).
/// </summary>
public sealed class SubtractionAttackTests : IDisposable
{
    private const int Min = 11;
    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Networks => ["issue12", "two-tiny"];

    private string Network(string name)
    {
        var csv = SimulatedCsv.Issue12;
        if (name == "two-tiny")
        {
            // Clients P0001..P0005 (all in C01) become a clinic of their own with 5 clients.
            var lines = csv.Split('\n').Select(l => l.Length > 5 && string.CompareOrdinal(l[..5], "P0006") < 0 && l.StartsWith('P')
                ? SimulatedCsv.SetField(l, 1, "C09") : l);
            csv = string.Join('\n', lines);
        }
        return _temp.Write(name + ".csv", csv);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Describe_clinic_rows_and_the_total_never_isolate_a_small_clinic(string network)
    {
        var json = CliRun.Of("describe", Network(network), "--by", "clinic", "--format", "json").Json();
        var rows = json["pain_change"]!.AsArray().OfType<JsonObject>().ToList();
        var overall = rows.Single(r => (string?)r["group"] == "overall");
        var clinics = rows.Where(r => (string?)r["group"] == "clinic").ToList();

        AssertNoSmallCount(json);
        AssertSuppressedRowsCarryNoFigure(clinics);
        AssertResidualIsSafe(Count(overall), clinics.Where(Shown).Sum(Count), clinics.Count(r => !Shown(r)));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Describe_total_minus_benchmark_clinics_never_isolates_a_small_clinic(string network)
    {
        var path = Network(network);
        var describe = CliRun.Of("describe", path, "--format", "json").Json();
        var benchmark = CliRun.Of("benchmark", path, "--format", "json").Json();
        var episodes = describe["episodes"]!.AsArray().OfType<JsonObject>().Single(r => (string?)r["outcome"] == "episode_change");
        var clinics = benchmark["clinics"]!.AsArray().OfType<JsonObject>().ToList();

        AssertNoSmallCount(benchmark);
        Assert.All(clinics.Where(c => (string?)c["flag"] == "suppressed"), c => Assert.Null(c["observed"]));
        AssertResidualIsSafe(Count(episodes), clinics.Where(c => (string?)c["flag"] != "suppressed").Sum(Count),
            clinics.Count(c => (string?)c["flag"] == "suppressed"));
    }

    [Fact]
    public void Report_tables_hold_no_small_count_and_no_client_identifier()
    {
        var folder = _temp.PathOf("report");
        var run = CliRun.Of("report", Network("two-tiny"), "--out", folder, "--no-prediction");
        Assert.True(run.ExitCode == 0, run.Error);

        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(@"\bP\d{4}\b", text); // simulated client ids
            Assert.DoesNotMatch(@"\bC0\d-T\d\b", text); // simulated therapist ids
            if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                AssertNoSmallCountInCsv(text, Path.GetFileName(file));
            }
        }
    }

    private static bool Shown(JsonObject row) => row["suppressed"]?.GetValue<bool>() != true;

    private static long Count(JsonObject row) => row["n_clients"]!.GetValue<long>();

    /// <summary>What subtraction reveals: the hidden clinics together, which must be 0, or 2+ clinics with 11+ clients.</summary>
    private static void AssertResidualIsSafe(long total, long shown, int hiddenCells)
    {
        var residual = total - shown;
        Assert.True(residual == 0 || (hiddenCells >= 2 && residual >= Min),
            $"total {total} - shown {shown} = {residual} client(s) in {hiddenCells} hidden cell(s)");
    }

    private static void AssertSuppressedRowsCarryNoFigure(IEnumerable<JsonObject> rows)
    {
        foreach (var row in rows.Where(r => !Shown(r)))
        {
            foreach (var (key, value) in row)
            {
                Assert.True(key is "group" or "level" or "suppressed" || value is null, $"suppressed row shows {key} = {value}");
            }
        }
    }

    /// <summary>No n_clients (or n_sessions of a cell) between 1 and 10 anywhere in a JSON output.</summary>
    private static void AssertNoSmallCount(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "n_clients" && value is JsonValue v && v.TryGetValue<long>(out var n))
                    {
                        Assert.False(n is > 0 and < Min, $"{key} = {n}");
                    }
                    AssertNoSmallCount(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    AssertNoSmallCount(item);
                }
                break;
        }
    }

    private static void AssertNoSmallCountInCsv(string csv, string name)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "n_clients");
        if (column < 0)
        {
            return;
        }
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            if (column < fields.Length && long.TryParse(fields[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                Assert.False(n is > 0 and < Min, $"{name}: n_clients = {n} in '{line}'");
            }
        }
    }
}
