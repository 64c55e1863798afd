using Nmt.Analytics.Engines;
using Nmt.Analytics.Models;
using static Nmt.Analytics.Tests.Engines.EngineTestData;

namespace Nmt.Analytics.Tests.Engines;

/// <summary><see cref="SummaryFit"/>'s request check, model choice and JSON row counts (what <c>nmt fit --engine</c> prints).</summary>
public sealed class SummaryFitJsonTests
{
    [Fact]
    public void Json_counts_rows_by_reason_instead_of_listing_them()
    {
        var statistics = Summarize(Csv, OlsFormula);
        var fit = SummaryFit.Fit(statistics, new FitRequest { Formula = OlsFormula });
        var json = SummaryFit.ToJson(fit, statistics);
        Assert.False(json.ContainsKey("excluded_rows"));
        Assert.Equal(statistics.RowsRead, (long)json["n_read"]!);
        Assert.Equal(statistics.N, (long)json["n_used"]!);
        Assert.Equal(statistics.Exclusions.Count, json["excluded_by_reason"]!.AsArray().Count);
    }

    [Fact]
    public void Requests_that_need_the_rows_are_refused_and_lmm_is_chosen_by_model()
    {
        var e = Assert.Throws<NmtInputException>(() => SummaryFit.CheckRequest(new FitRequest { Formula = OlsFormula, Robust = "hc1" }));
        Assert.Contains("need the rows in memory", e.Message, StringComparison.Ordinal);
        Assert.Throws<NmtInputException>(() => SummaryFit.CheckRequest(new FitRequest { Formula = OlsFormula, Level = "episode" }));
        var statistics = Summarize(Csv, LmmFormula);
        Assert.IsType<Nmt.Analytics.Models.Lmm.LmmFit>(SummaryFit.Fit(statistics, new FitRequest { Formula = LmmFormula, Model = "lmm" }));
    }
}
