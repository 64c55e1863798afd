using Nmt.Analytics.Data;
using Nmt.Analytics.Engines;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Engines;

/// <summary><c>validate --engine</c>: the rules SQL can check are counted as the in-memory validator counts them; no value is returned.</summary>
public sealed class EngineValidateTests
{
    private static readonly Lazy<string> Broken = new(() =>
    {
        var lines = File.ReadAllLines(Csv).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',').ToList();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        int At(string name) => header.IndexOf(name);
        rows[3][At("stress")] = "11";          // out_of_range
        rows[4][At("hydration")] = "7";        // implausible
        rows[5][At("region")] = "elbowish";    // unknown_code
        rows[6][At("techniques")] = "stacking;wizardry"; // unknown_code (one part)
        rows[7][At("pain_pre")] = "";          // pain_post_without_pre
        rows[8][At("disability_instrument")] = ""; // score_without_instrument (when a score is given)
        rows[8][At("disability_score")] = "12";
        rows[9][At("session")] = "";           // missing_value
        rows[rows.FindIndex(12, r => r[At("session")] == "3")][At("day")] = "0"; // day_backwards (a third session at day 0)
        rows.Insert(21, (string[])rows[20].Clone()); // duplicate_session
        var path = Path.Combine(Path.GetDirectoryName(Csv)!, "broken.csv");
        File.WriteAllLines(path, rows.Select(r => string.Join(',', r)).Prepend(lines[0]));
        return path;
    });

    [Fact]
    public void Valid_data_give_the_in_memory_counts() => Same(Csv);

    [Fact]
    public void Broken_rows_are_counted_per_rule_as_in_memory()
    {
        var report = Same(Broken.Value);
        foreach (var rule in new[] { "out_of_range", "implausible", "unknown_code", "pain_post_without_pre", "score_without_instrument", "missing_value", "day_backwards", "duplicate_session" })
        {
            Assert.True(report.RuleCounts.ContainsKey(rule), rule);
        }
        Assert.False(report.IsValid);
        var json = report.ToJson().ToJsonString();
        Assert.DoesNotContain("elbowish", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Table.Text("client_id")[0]!, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parquet_parts_give_the_in_memory_counts()
    {
        using var source = DuckDbSource.Open(Parts);
        var report = EngineValidate.Run(source);
        var expected = SessionValidator.Validate(Csv);
        Assert.Equal(expected.Rows, report.Rows);
        Assert.Equal(Checked(expected.RuleCounts), Checked(report.RuleCounts));
    }

    [PostgresFact]
    public void Postgres_gives_the_in_memory_counts()
    {
        using var source = PostgresSource.Open(PostgresServer.ConnectionString, EngineBenchmarkTests.PostgresTable.Value);
        var report = EngineValidate.Run(source);
        var expected = SessionValidator.Validate(Csv);
        Assert.Equal((expected.Rows, expected.ExcludedRows, expected.Clients, expected.Clinics), (report.Rows, report.ExcludedRows, report.Clients, report.Clinics));
        Assert.Equal(Checked(expected.RuleCounts), Checked(report.RuleCounts));
    }

    private static EngineValidationReport Same(string path)
    {
        using var source = DuckDbSource.Open(path);
        var report = EngineValidate.Run(source);
        var expected = SessionValidator.Validate(path);
        Assert.Equal((expected.Rows, expected.ExcludedRows, expected.Clients, expected.Clinics), (report.Rows, report.ExcludedRows, report.Clients, report.Clinics));
        Assert.Equal(Checked(expected.RuleCounts), Checked(report.RuleCounts));
        return report;
    }

    private static List<KeyValuePair<string, long>> Checked(IReadOnlyDictionary<string, long> counts) =>
        [.. counts.Where(kv => kv.Value > 0 && !EngineValidate.NotRerun.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal)];
}
