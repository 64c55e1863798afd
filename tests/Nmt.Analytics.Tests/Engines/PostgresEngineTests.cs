using Nmt.Analytics.Engines;
using Nmt.Analytics.Models;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Engines;

/// <summary>The same generated SQL on a second, real engine (PostgreSQL through Npgsql) gives the same fits to 1e-9.</summary>
public sealed class PostgresEngineTests
{
    private static readonly Lazy<string> Table = new(() =>
    {
        Assert.True(PostgresServer.Available, $"PostgreSQL is not reachable at {PostgresServer.ConnectionString}");
        using var duck = DuckDbSource.Open(Csv);
        PostgresServer.Load("nmt_test_sessions", Csv, duck.Columns.Where(c => c.Name != "pain_change").ToList());
        return "nmt_test_sessions";
    });

    private static SufficientStatistics FromPostgres(string formula)
    {
        using var source = PostgresSource.Open(PostgresServer.ConnectionString, Table.Value);
        return EngineSummaries.Compute(source, formula);
    }

    [PostgresFact]
    public void RandomSlopeModelFromPostgresEqualsTheInMemoryFit()
    {
        var summary = FromPostgres(LmmFormula);
        EngineAssert.SameLmm(InMemoryLmm(LmmFormula), SummaryFit.Lmm(summary));
        Assert.Equal(Summarize(Csv, LmmFormula).Exclusions, summary.Exclusions);
    }

    [PostgresFact]
    public void NestedModelAndOlsFromPostgresEqualTheInMemoryFits()
    {
        EngineAssert.SameLmm(InMemoryLmm(NestedFormula), SummaryFit.Lmm(FromPostgres(NestedFormula)));
        var ols = SummaryFit.Ols(FromPostgres(OlsFormula));
        var expected = OlsModel.Fit(Frame(OlsFormula));
        for (var j = 0; j < expected.Coefficients.Count; j++)
        {
            EngineAssert.Close(expected.Coefficients[j].Estimate, ols.Coefficients[j].Estimate, expected.Coefficients[j].Term);
            EngineAssert.Close(expected.Coefficients[j].StdError, ols.Coefficients[j].StdError, expected.Coefficients[j].Term + " se");
        }
    }

    [PostgresFact]
    public void AMissingTableOrServerIsAnInputError()
    {
        Assert.Contains("no_such_table", Assert.Throws<NmtInputException>(() => PostgresSource.Open(PostgresServer.ConnectionString, "no_such_table")).Message, StringComparison.Ordinal);
        Assert.Contains("cannot connect", Assert.Throws<NmtInputException>(() => PostgresSource.Open("Host=127.0.0.1;Port=1;Username=x;Timeout=2", "t")).Message, StringComparison.Ordinal);
    }
}
