using Nmt.Analytics.Engines;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Engines;

/// <summary>Summaries of shards merge exactly; files round-trip; per-client cells stay on site unless asked for; mismatches are refused.</summary>
public sealed class SummaryMergeTests
{
    [Fact]
    public void Merged_shards_fit_as_the_pooled_rows()
    {
        var merged = SummaryMerge.Merge([Summarize(ShardA, LmmFormula), Summarize(ShardB, LmmFormula)]);
        EngineAssert.SameLmm(InMemoryLmm(LmmFormula), SummaryFit.Lmm(merged));
        Assert.Equal(Table.RowCount, merged.RowsRead);
    }

    [Fact]
    public void Summary_files_round_trip_and_per_client_cells_need_explicit_consent()
    {
        var folder = Directory.CreateTempSubdirectory("nmt-summaries").FullName;
        try
        {
            var a = Path.Combine(folder, "a.json");
            var b = Path.Combine(folder, "b.json");
            var summaryA = Summarize(ShardA, LmmFormula);
            var refused = Assert.Throws<NmtInputException>(() => SummaryFile.Write(summaryA, a));
            Assert.Contains("client_id", refused.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(a));
            SummaryFile.Write(summaryA, a, includePersonStatistics: true);
            SummaryFile.Write(Summarize(ShardB, LmmFormula), b, includePersonStatistics: true);
            var merged = SummaryMerge.Merge([SummaryFile.Read(a), SummaryFile.Read(b)]);
            EngineAssert.SameLmm(InMemoryLmm(LmmFormula), SummaryFit.Lmm(merged));

            var totals = Path.Combine(folder, "totals.json");
            SummaryFile.Write(summaryA.TotalsOnly(), totals);
            Assert.DoesNotContain("\"P0", File.ReadAllText(totals), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Site_level_cells_count_their_clients_and_small_cells_need_explicit_consent()
    {
        var folder = Directory.CreateTempSubdirectory("nmt-summaries").FullName;
        try
        {
            var path = Path.Combine(folder, "clinics.json");
            var formula = "pain_post ~ pain_pre + session + (1 | clinic_id)";
            var summary = Summarize(ShardA, formula);
            var expected = ClientsPerClinic(ShardA);
            Assert.Equal(expected.Count, summary.CellKeys.Count);
            for (var c = 0; c < summary.CellKeys.Count; c++)
            {
                Assert.Equal(expected[summary.CellKeys[c][0]], summary.CellClients[c]);
            }
            var small = expected.Values.Count(n => n is >= 1 and <= 10);
            Assert.InRange(small, 1, expected.Count - 1);
            var refused = Assert.Throws<NmtInputException>(() => SummaryFile.Write(summary, path));
            Assert.Contains($"{small} of the {expected.Count} cells", refused.Message, StringComparison.Ordinal);
            Assert.All(expected.Keys, key => Assert.DoesNotContain(key, refused.Message, StringComparison.Ordinal));
            Assert.False(File.Exists(path));
            SummaryFile.Write(summary, path, allowSmallCells: true);
            var read = SummaryFile.Read(path);
            Assert.Equal(summary.CellClients, read.CellClients);
            Assert.Equal(small, SummaryFile.SmallCells(read));
            var pooled = Summarize(Csv, formula);
            if (SummaryFile.SmallCells(pooled) == 0)
            {
                SummaryFile.Write(pooled, path, force: true);
            }
            EngineAssert.SameLmm(InMemoryLmm(formula), SummaryFit.Lmm(pooled));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    /// <summary>Distinct clients per clinic among the rows a (1 | clinic_id) model of pain_post ~ pain_pre + session uses, counted from the CSV.</summary>
    private static Dictionary<string, long> ClientsPerClinic(string csv)
    {
        var lines = File.ReadAllLines(csv).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',').ToList();
        int At(string name) => header.IndexOf(name);
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(r => r[At("pain_post")] is not ("" or "NA") && r[At("pain_pre")] is not ("" or "NA") && r[At("session")] is not ("" or "NA") && r[At("clinic_id")] is not ("" or "NA"))
            .GroupBy(r => r[At("clinic_id")])
            .ToDictionary(g => g.Key, g => (long)g.Select(r => r[At("client_id")]).Distinct().Count());
    }

    [Fact]
    public void Summaries_of_different_models_or_versions_are_not_merged()
    {
        var a = Summarize(ShardA, LmmFormula);
        var other = Summarize(ShardB, "pain_post ~ pain_pre + session + stress + (1 + session | client_id)");
        Assert.Contains("formula", Assert.Throws<NmtInputException>(() => SummaryMerge.Merge([a, other])).Message, StringComparison.Ordinal);
        var future = new SufficientStatistics
        {
            SchemaVersion = 2,
            Formula = a.Formula,
            ResponseName = a.ResponseName,
            FixedNames = a.FixedNames,
            Blocks = a.Blocks,
            CellVariables = a.CellVariables,
            CellVariableIsNumeric = a.CellVariableIsNumeric,
            RowsRead = a.RowsRead,
            Exclusions = a.Exclusions,
            N = a.N,
            XtX = a.XtX,
            Xty = a.Xty,
            Yty = a.Yty,
        };
        Assert.Contains("schema version 2", Assert.Throws<NmtInputException>(() => SummaryMerge.Merge([a, future])).Message, StringComparison.Ordinal);
        Assert.Contains("totals only", Assert.Throws<NmtInputException>(() => SummaryMerge.Merge([a, a.TotalsOnly()])).Message, StringComparison.Ordinal);
    }
}
