using Nmt.Analytics.Data;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Outcomes;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Engines;

/// <summary><c>describe --engine</c>: the tables from sums computed in SQL equal the in-memory tables (means, SDs, CIs to 1e-9; counts exactly).</summary>
public sealed class EngineDescribeTests
{
    [Fact]
    public void DuckDB_over_csv_equals_the_in_memory_description()
    {
        using var source = DuckDbSource.Open(Csv);
        Compare(Table, EngineDescribe.Run(source, null, SummaryOptions.Default), null, SummaryOptions.Default);
    }

    [Fact]
    public void DuckDB_over_parquet_parts_with_a_higher_minimum_equals_the_in_memory_description()
    {
        var options = new SummaryOptions(MinClients: 30, Confidence: 0.9);
        using var source = DuckDbSource.Open(Parts);
        Compare(Table, EngineDescribe.Run(source, ["technique", "clinic", "stress"], options), ["technique", "clinic", "stress"], options);
    }

    [Fact]
    public void Gaps_are_excluded_and_counted_as_in_memory()
    {
        using var source = DuckDbSource.Open(Gappy);
        var actual = EngineDescribe.Run(source, null, SummaryOptions.Default);
        Compare(GappyDataset.Value.Table, actual, null, SummaryOptions.Default);
        Assert.Equal([new ExclusionCount("missing pain_pre or pain_post", 3)], actual.Exclusions);
    }

    [PostgresFact]
    public void Postgres_equals_the_in_memory_description()
    {
        using var source = PostgresSource.Open(PostgresServer.ConnectionString, EngineBenchmarkTests.PostgresTable.Value);
        Compare(Table, EngineDescribe.Run(source, null, SummaryOptions.Default), null, SummaryOptions.Default);
    }

    [Fact]
    public void The_bootstrap_is_refused()
    {
        using var source = DuckDbSource.Open(Csv);
        Assert.Contains("--bootstrap", Assert.Throws<NmtInputException>(() => EngineDescribe.Run(source, null, new SummaryOptions(BootstrapReplicates: 100))).Message, StringComparison.Ordinal);
    }

    private static void Compare(ColumnTable table, EngineDescribeResult actual, IReadOnlyList<string>? by, SummaryOptions options)
    {
        var expected = DescriptiveAnalysis.Run(table, by, options);
        Assert.Contains(expected.Tables[0].Rows, r => r[^1] is true);
        Assert.Contains(expected.Tables[0].Rows, r => r[^1] is false);
        var json = actual.ToJson();
        Assert.Equal(table.RowCount, json["n_read"]!.GetValue<long>());
        Assert.Equal(table.RowCount - expected.Exclusions.Count, json["n_used"]!.GetValue<long>());
        json.Remove("n_read");
        json.Remove("n_used");
        json.Remove("excluded_by_reason");
        EngineAssert.SameJson(expected.ToJson(), json);
        for (var t = 0; t < expected.Tables.Count; t++)
        {
            Assert.Equal(expected.Tables[t].Notes.Order(StringComparer.Ordinal), actual.Tables[t].Notes.Order(StringComparer.Ordinal));
        }
    }
}
