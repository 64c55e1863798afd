using Nmt.Analytics.Tests.Engines;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Cli;

/// <summary><c>nmt validate|describe|benchmark --engine</c> end to end: the in-memory JSON, row counts by reason, <c>--show-sql</c>, refusals.</summary>
public sealed class EngineCommandCliTests
{
    [Fact]
    public void Describe_and_benchmark_through_duckdb_print_the_in_memory_results()
    {
        foreach (var command in new[] { new[] { "describe", "--by", "region,stress" }, ["benchmark", "--outcome", "responder"] })
        {
            var memory = CliRun.Of([command[0], Gappy, .. command[1..], "--format", "json"]);
            var engine = CliRun.Of([command[0], Gappy, .. command[1..], "--engine", "duckdb", "--format", "json"]);
            Assert.True(engine.ExitCode == 0, engine.Error);
            var (m, e) = (memory.Json().AsObject(), engine.Json().AsObject());
            Assert.Equal((long)m["n_read"]!, (long)e["n_read"]!);
            Assert.Equal((long)m["n_used"]!, (long)e["n_used"]!);
            foreach (var key in new[] { "n_read", "n_used", "excluded_rows", "excluded_by_reason" })
            {
                m.Remove(key);
                e.Remove(key);
            }
            EngineAssert.SameJson(m, e);
        }
    }

    [Fact]
    public void Validate_counts_per_rule_and_show_sql_prints_portable_statements()
    {
        var run = CliRun.Of("validate", Parts, "--engine", "duckdb", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(Table.RowCount, (long)run.Json()["summary"]!["rows"]!);
        var sql = CliRun.Of("benchmark", Csv, "--engine", "duckdb", "--show-sql");
        Assert.Equal(0, sql.ExitCode);
        Assert.Contains("ROW_NUMBER() OVER (PARTITION BY \"client_id\"", sql.Out, StringComparison.Ordinal);
        Assert.Contains("COUNT(DISTINCT", CliRun.Of("validate", Csv, "--engine", "duckdb", "--show-sql").Out, StringComparison.Ordinal);
        Assert.Contains("GROUP BY grp, lvl", CliRun.Of("describe", Csv, "--engine", "duckdb", "--show-sql").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_site_level_cells_leave_only_with_allow_small_cells()
    {
        using var files = new TempFiles();
        var path = files.PathOf("clinics.json");
        string[] fit = ["fit", ShardA, "--engine", "duckdb", "--model", "lmm", "--formula", "pain_post ~ pain_pre + session + (1 | clinic_id)", "--export-summaries", path];
        CliRun.Of(fit).AssertUserError("cells of this summary (per clinic_id) hold 1 to 10 clients");
        Assert.False(File.Exists(path));
        var allowed = CliRun.Of([.. fit, "--allow-small-cells"]);
        Assert.True(allowed.ExitCode == 0, allowed.Error);
        Assert.Contains("\"clients\":", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void What_needs_the_rows_is_refused()
    {
        CliRun.Of("describe", Csv, "--engine", "duckdb", "--bootstrap", "200").AssertUserError("--bootstrap");
        CliRun.Of("describe", Csv, "--engine", "duckdb", "--clinical").AssertUserError("--clinical");
        CliRun.Of("benchmark", "--demo", "--engine", "duckdb").AssertUserError("--demo");
        CliRun.Of("validate", Csv, "--engine", "postgres").AssertUserError("--connection");
    }
}
