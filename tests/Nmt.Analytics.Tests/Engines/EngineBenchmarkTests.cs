using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Engines;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Engines;

/// <summary><c>benchmark --engine</c>: the episode reduction and case-mix sums in SQL give the in-memory benchmark (to 1e-9, counts exactly).</summary>
public sealed class EngineBenchmarkTests
{
    public static TheoryData<string, int> Options => new() { { "episode_change", 11 }, { "responder", 11 }, { "episode_change", 14 } };

    private static BenchmarkOptions Make(string outcome, int minClients) => new() { Outcome = BenchmarkOutcomes.Parse(outcome), MinClients = minClients, Overdispersion = true };

    [Theory]
    [MemberData(nameof(Options))]
    public void DuckDB_over_csv_equals_the_in_memory_benchmark(string outcome, int minClients) => Same(Csv, Make(outcome, minClients));

    [Fact]
    public void DuckDB_over_parquet_parts_equals_the_in_memory_benchmark() => Same(Parts, Make("episode_change", 11));

    [PostgresFact]
    public void Postgres_equals_the_in_memory_benchmark()
    {
        using var source = PostgresSource.Open(PostgresServer.ConnectionString, PostgresTable.Value);
        var options = Make("responder", 11);
        Compare(ClinicBenchmark.Run(Table, options), EngineBenchmark.Run(source, options), Table.RowCount);
    }

    [Theory]
    [InlineData("episode_change")]
    [InlineData("responder")]
    public void Episode_exclusions_are_counted_as_in_memory(string outcome)
    {
        var gappy = GappyDataset.Value;
        Assert.Empty(gappy.Exclusions); // the gaps pass validation; the episodes exclude them
        var options = Make(outcome, 14);
        var expected = ClinicBenchmark.Run(gappy.Table, options);
        using var source = DuckDbSource.Open(Gappy);
        var actual = EngineBenchmark.Run(source, options);
        Assert.Contains(actual.Result.Clinics, c => c.IsSuppressed);
        Assert.Contains(actual.Result.Clinics, c => !c.IsSuppressed);
        Assert.Equal(outcome == "responder" ? 4 : 3, actual.Exclusions.Count);
        Compare(expected, actual, gappy.Table.RowCount);
    }

    [Fact]
    public void The_statements_are_portable_sql()
    {
        using var source = DuckDbSource.Open(Csv);
        var statements = EngineBenchmark.Statements(source, Make("responder", 11));
        Assert.Equal(2, statements.Count);
        Assert.Contains("ROW_NUMBER() OVER (PARTITION BY \"client_id\" ORDER BY \"session\" ASC, \"day\" ASC NULLS LAST)", statements[1], StringComparison.Ordinal);
        Assert.Contains("GROUP BY clinic", statements[1], StringComparison.Ordinal);
        Assert.All(statements, s => Assert.DoesNotContain("read_", s, StringComparison.Ordinal));
    }

    private static void Same(string path, BenchmarkOptions options)
    {
        using var source = DuckDbSource.Open(path);
        Compare(ClinicBenchmark.Run(Table, options), EngineBenchmark.Run(source, options), Table.RowCount);
    }

    private static void Compare(BenchmarkResult expected, EngineBenchmarkResult actual, long rows)
    {
        var json = actual.ToJson();
        Assert.Equal(rows, json["n_read"]!.GetValue<long>());
        Assert.Equal(rows - expected.Exclusions.Select(e => e.Line).Distinct().Count(), json["n_used"]!.GetValue<long>());
        json.Remove("n_read");
        json.Remove("n_used");
        json.Remove("excluded_by_reason");
        EngineAssert.SameJson(expected.ToJson(), json);
    }

    internal static readonly Lazy<string> PostgresTable = new(() =>
    {
        Assert.True(PostgresServer.Available, $"PostgreSQL is not reachable at {PostgresServer.ConnectionString}");
        using var duck = DuckDbSource.Open(Csv);
        PostgresServer.Load("nmt_test_commands", Csv, duck.Columns.Where(c => c.Name != "pain_change").ToList());
        return "nmt_test_commands";
    });
}
