using Nmt.Analytics.Engines;
using Nmt.Analytics.Models;
using Nmt.Analytics.Models.Lmm;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Engines;

/// <summary>The DuckDB pass over CSV and Parquet gives the in-memory fit (to 1e-9) and the same exclusions.</summary>
public sealed class DuckDbEngineTests
{
    [Fact]
    public void OLS_from_DuckDB_equals_the_in_memory_fit()
    {
        var expected = OlsModel.Fit(Frame(OlsFormula));
        var actual = SummaryFit.Ols(Summarize(Csv, OlsFormula));
        Assert.Equal(expected.ObservationCount, actual.ObservationCount);
        Assert.Equal(expected.Coefficients.Select(c => c.Term), actual.Coefficients.Select(c => c.Term));
        for (var j = 0; j < expected.Coefficients.Count; j++)
        {
            EngineAssert.Close(expected.Coefficients[j].Estimate, actual.Coefficients[j].Estimate, expected.Coefficients[j].Term);
            EngineAssert.Close(expected.Coefficients[j].StdError, actual.Coefficients[j].StdError, expected.Coefficients[j].Term + " se");
            EngineAssert.Close(expected.Coefficients[j].PValue, actual.Coefficients[j].PValue, expected.Coefficients[j].Term + " p");
        }
        EngineAssert.Close(expected.RSquared, actual.RSquared, "r2");
        EngineAssert.Close(expected.FStatistic, actual.FStatistic, "F");
        EngineAssert.Close(expected.LogLikelihood, actual.LogLikelihood, "logLik");
    }

    [Fact]
    public void Exclusions_are_counted_as_in_memory()
    {
        var frame = Frame(LmmFormula);
        var summary = Summarize(Csv, LmmFormula);
        Assert.Empty(Dataset.Value.Exclusions); // the simulated rows all pass validation: exclusions come from missing values
        Assert.NotEmpty(frame.Exclusions);
        Assert.Equal(Table.RowCount, summary.RowsRead);
        Assert.Equal(frame.Count, summary.N);
        var expected = frame.Exclusions.GroupBy(e => e.Reason).Select(g => new ExclusionCount(g.Key, g.Count())).OrderBy(e => e.Reason, StringComparer.Ordinal);
        Assert.Equal(expected, summary.Exclusions.OrderBy(e => e.Reason, StringComparer.Ordinal));
    }

    [Fact]
    public void Random_slope_model_from_DuckDB_equals_the_in_memory_fit() =>
        EngineAssert.SameLmm(InMemoryLmm(LmmFormula), SummaryFit.Lmm(Summarize(Csv, LmmFormula)));

    [Fact]
    public void Nested_model_from_parquet_parts_equals_the_in_memory_fit() =>
        EngineAssert.SameLmm(InMemoryLmm(NestedFormula), SummaryFit.Lmm(Summarize(Parts, NestedFormula)));

    [Fact]
    public void Maximum_likelihood_fit_from_parquet_parts_equals_the_in_memory_fit() =>
        EngineAssert.SameLmm(
            LinearMixedModel.Fit(Frame(LmmFormula), new LmmOptions { Reml = false }),
            SummaryFit.Lmm(Summarize(Parts, LmmFormula), new LmmOptions { Reml = false }));

    [Fact]
    public void Generated_SQL_is_portable()
    {
        using var source = DuckDbSource.Open(Csv);
        var statements = EngineSummaries.Statements(source, "pain_post ~ session * region + (1 + session | client_id)");
        Assert.Equal(3, statements.Count);
        Assert.Contains(statements, s => s.Contains("GROUP BY g0", StringComparison.Ordinal));
        Assert.All(statements, s => Assert.DoesNotContain("read_", s, StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("CASE WHEN \"region\" = 'cervical' THEN 1 ELSE 0 END", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_DuckDB_cannot_read_is_an_input_error()
    {
        var folder = Directory.CreateTempSubdirectory("nmt-engine-bad").FullName;
        try
        {
            var bad = Path.Combine(folder, "broken.parquet");
            File.WriteAllBytes(bad, [1, 2, 3, 4, 5, 6, 7, 8]);
            var e = Assert.Throws<NmtInputException>(() => Summarize(bad, OlsFormula));
            Assert.Contains("broken.parquet", e.Message, StringComparison.Ordinal);
            Assert.Contains("file not found", Assert.Throws<NmtInputException>(() => Summarize(Path.Combine(folder, "none.csv"), OlsFormula)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Parts_with_different_column_types_are_refused()
    {
        var folder = Directory.CreateTempSubdirectory("nmt-engine-mixed").FullName;
        try
        {
            WriteParquet(Path.Combine(folder, "a.parquet"), 0, ShardARows);
            WriteParquet(Path.Combine(folder, "b.parquet"), ShardARows, long.MaxValue, "* REPLACE (CAST(stress AS VARCHAR) AS stress)");
            var e = Assert.Throws<NmtInputException>(() => Summarize(folder, OlsFormula));
            Assert.Contains("column 'stress' has different types across the Parquet parts", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Formulas_the_engine_cannot_compute_are_refused_clearly()
    {
        Assert.Contains("transformation", Assert.Throws<NmtInputException>(() => Summarize(Csv, "pain_post ~ log(stress)")).Message, StringComparison.Ordinal);
        Assert.Contains("unknown column 'strain'", Assert.Throws<NmtInputException>(() => Summarize(Csv, "pain_post ~ strain")).Message, StringComparison.Ordinal);
    }
}
