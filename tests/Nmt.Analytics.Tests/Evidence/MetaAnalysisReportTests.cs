using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;

namespace Nmt.Analytics.Tests.Evidence;

/// <summary><see cref="MetaAnalysisReport"/>: the JSON of <c>nmt meta</c> built in the library, checked against metafor (BCG trials).</summary>
public class MetaAnalysisReportTests
{
    [Fact]
    public void Study_report_json_holds_the_pooled_fit_then_each_extra_with_metafor_values()
    {
        var studies = StudyTableReader.ReadFile(Reference.PathOf("bcg.csv"));
        var report = MetaAnalysisReport.ForStudies(studies, EffectMeasure.RiskRatio, new MetaAnalysisOptions(), "alloc", "ablat", leaveOneOut: true);
        var json = report.ToJson();

        var keys = json.Select(p => p.Key).ToList();
        Assert.Equal(["subgroups", "subgroups_notes", "meta_regression", "meta_regression_notes", "moderator_test", "leave_one_out"], keys.Skip(keys.IndexOf("studies") + 1));
        Reference.Close(Reference.Number(Reference.Find("cases", "bcg RR REML"), "estimate"), (double)json["estimate"]!, "pooled estimate");

        var regression = Reference.Find("regressions", "bcg RR ablat REML");
        var slope = json["meta_regression"]!.AsArray().Single(r => (string?)r!["term"] == "ablat")!;
        Reference.Close(Reference.Numbers(regression, "estimate")[1], (double)slope["estimate"]!, "ablat slope");

        var subgroups = Reference.Find("subgroups", "bcg RR alloc REML");
        var random = json["subgroups"]!.AsArray().Single(r => (string?)r!["subgroup"] == "random")!;
        Reference.Close(Reference.Numbers(subgroups, "estimate")[1], (double)random["estimate"]!, "subgroup 'random'");
        Assert.Contains("Q_between", (string?)json["subgroups_notes"]![0], StringComparison.Ordinal);
        Assert.Equal(13, json["leave_one_out"]!.AsArray().Count);
        Assert.Contains(report.Summary.Statements, s => s.Sentence.StartsWith("random: across 7 studies", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_report_has_no_extras_and_tables_are_tidy_glance_studies()
    {
        var studies = StudyTableReader.ReadFile(Reference.PathOf("normand1999.csv"));
        var report = MetaAnalysisReport.ForStudies(studies, null, new MetaAnalysisOptions());
        Assert.Equal(EffectMeasure.StandardizedMeanDifference, report.Result.Measure);
        Assert.Empty(report.Extras);
        Assert.Null(report.Agreement);
        Assert.Equal(3, report.Tables().Count);
        Assert.Equal("studies", report.ToJson().Last().Key);
    }
}
