using Nmt.Analytics.Tests.Engines;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Cli;

/// <summary><c>nmt fit --engine duckdb</c>, <c>--show-sql</c>, <c>--export-summaries</c> and <c>--from-summaries</c> end to end.</summary>
public sealed class EngineCliTests
{
    [Fact]
    public void Engine_fit_matches_the_in_memory_fit_and_counts_exclusions()
    {
        var memory = CliRun.Of("fit", Csv, "--model", "lmm", "--formula", LmmFormula, "--format", "json");
        var engine = CliRun.Of("fit", Parts, "--engine", "duckdb", "--model", "lmm", "--formula", LmmFormula, "--format", "json");
        Assert.True(engine.ExitCode == 0, engine.Error);
        var (m, e) = (memory.Json(), engine.Json());
        Assert.Equal((int)m["n_obs"]!, (int)e["n_obs"]!);
        Assert.Equal(m["excluded_rows"]!.AsArray().Count, (long)e["n_read"]! - (long)e["n_used"]!);
        var mf = m["fixed_effects"]!.AsArray();
        var ef = e["fixed_effects"]!.AsArray();
        for (var j = 0; j < mf.Count; j++)
        {
            EngineAssert.Close((double)mf[j]!["estimate"]!, (double)ef[j]!["estimate"]!, (string)mf[j]!["term"]!);
        }
    }

    [Fact]
    public void Summaries_exported_by_sites_fit_together()
    {
        using var files = new TempFiles();
        var (a, b) = (files.PathOf("a.json"), files.PathOf("b.json"));
        CliRun.Of("fit", ShardA, "--engine", "duckdb", "--model", "lmm", "--formula", LmmFormula, "--export-summaries", a)
            .AssertUserError("--include-client-statistics");
        foreach (var (shard, file) in new[] { (ShardA, a), (ShardB, b) })
        {
            var run = CliRun.Of("fit", shard, "--engine", "duckdb", "--model", "lmm", "--formula", LmmFormula, "--export-summaries", file, "--include-client-statistics");
            Assert.True(run.ExitCode == 0, run.Error);
        }
        var merged = CliRun.Of("fit", "--from-summaries", a, b, "--model", "lmm", "--formula", LmmFormula, "--format", "json");
        Assert.True(merged.ExitCode == 0, merged.Error);
        var pooled = CliRun.Of("fit", Csv, "--engine", "duckdb", "--model", "lmm", "--formula", LmmFormula, "--format", "json").Json();
        EngineAssert.Close((double)pooled["log_likelihood"]!, (double)merged.Json()["log_likelihood"]!, "log-likelihood");
        CliRun.Of("fit", "--from-summaries", a, b, "--model", "lmm", "--formula", "pain_post ~ session + (1 | client_id)").AssertUserError("were computed for");
    }

    [Fact]
    public void Show_sql_prints_the_statements_and_bad_input_exits_with_one()
    {
        var sql = CliRun.Of("fit", Csv, "--engine", "duckdb", "--formula", OlsFormula, "--show-sql");
        Assert.Equal(0, sql.ExitCode);
        Assert.Contains("SUM(x0 * y)", sql.Out, StringComparison.Ordinal);
        CliRun.Of("fit", Csv + ".missing", "--engine", "duckdb", "--formula", OlsFormula).AssertUserError("file not found");
        CliRun.Of("fit", Csv, "--engine", "duckdb", "--formula", OlsFormula, "--robust", "hc3").AssertUserError("need the rows in memory");
    }
}
