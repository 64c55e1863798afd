using Nmt.Analytics.Data;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Models;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Engines;

/// <summary><see cref="EngineRequest"/>: which options go together, where the rows are read, and what <c>nmt fit</c> prints.</summary>
public sealed class EngineRequestTests
{
    private static readonly FitRequest Ols = new() { Formula = OlsFormula };

    private static string Refusal(EngineRequest engine, DataSource source) =>
        Assert.Throws<NmtInputException>(() => engine.Fit(source, Ols)).Message;

    [Fact]
    public void Options_that_do_not_go_together_are_refused()
    {
        var data = new DataSource(Csv, false);
        Assert.StartsWith("--from-summaries fits from summary files", Refusal(new EngineRequest { FromSummaries = ["a.json"] }, data), StringComparison.Ordinal);
        Assert.StartsWith("--from-summaries fits from summary files", Refusal(new EngineRequest { FromSummaries = ["a.json"], Engine = "duckdb" }, new DataSource(null, false)), StringComparison.Ordinal);
        Assert.StartsWith("--engine needs DATA", Refusal(new EngineRequest { Engine = "duckdb" }, new DataSource(null, true)), StringComparison.Ordinal);
        Assert.Equal("give either a DATA file or --demo, not both.", Refusal(new EngineRequest { Engine = "duckdb" }, new DataSource(Csv, true)));
        Assert.Equal("--connection applies to --engine postgres only.", Refusal(new EngineRequest { Engine = "duckdb", Connection = "Host=x" }, data));
        Assert.StartsWith("--engine postgres needs --connection", Refusal(new EngineRequest { Engine = "postgres" }, new DataSource("sessions", false)), StringComparison.Ordinal);
        Assert.Contains("need the rows in memory", Assert.Throws<NmtInputException>(() => new EngineRequest { Engine = "duckdb" }.Fit(data, Ols with { Robust = "hc1" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_engine_the_rows_are_fitted_in_memory_with_their_accounting()
    {
        var engine = new EngineRequest();
        Assert.False(engine.Requested);

        var output = engine.Fit(new DataSource(Csv, false), Ols, note => Assert.Fail(note));

        Assert.NotNull(output.Rows);
        Assert.Equal(output.Rows.Read, (long)output.ToJson()["n_read"]!);
        Assert.Equal("ols", (string)output.ToJson()["model"]!);
    }

    [Fact]
    public void A_plain_table_is_noted_before_the_fit()
    {
        var folder = Directory.CreateTempSubdirectory("nmt-fit-");
        try
        {
            var path = Path.Combine(folder.FullName, "plain.csv");
            File.WriteAllText(path, "y,x\n1,2\n2,3.5\n3,3\n4,8\n");
            var notes = new List<string>();

            var output = new EngineRequest().Fit(new DataSource(path, false), new FitRequest { Formula = "y ~ x" }, notes.Add);

            Assert.StartsWith("note: plain.csv is not a session dataset", Assert.Single(notes), StringComparison.Ordinal);
            Assert.Equal(4, (int)output.ToJson()["n_obs"]!);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Engine_fit_notes_the_counts_beside_text_and_show_sql_prints_only_the_statements()
    {
        var data = new DataSource(Csv, false);
        var fit = new EngineRequest { Engine = "duckdb" }.Fit(data, Ols);
        Assert.Equal(SummaryFit.ExclusionNote(Summarize(Csv, OlsFormula)), Assert.Single(fit.TextMessages));
        Assert.NotNull(fit.ToJson()["excluded_by_reason"]);

        var sql = new EngineRequest { Engine = "duckdb", ShowSql = true }.Fit(data, Ols);
        Assert.Contains("FROM nmt_rows", Assert.Single(sql.Plain!), StringComparison.Ordinal);
        Assert.EndsWith(";", sql.Plain![0], StringComparison.Ordinal);
    }
}
