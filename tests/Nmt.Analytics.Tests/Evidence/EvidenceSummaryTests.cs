using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;

namespace Nmt.Analytics.Tests.Evidence;

public class EvidenceSummaryTests
{
    private static EffectSizeSet Demo() => EffectSizeCalculator.Compute(DemoStudies.Load(), EffectMeasure.StandardizedMeanDifference);

    [Fact]
    public void By_technique_gives_one_statement_per_technique_with_the_subgroup_fit()
    {
        var effects = Demo();
        var summary = EvidenceSummary.ByGroup(effects, "technique");
        var subgroups = SubgroupAnalysis.Fit(effects, "technique");
        Assert.Equal(subgroups.Groups.Select(g => g.Level), summary.Statements.Select(s => s.Label));
        for (var i = 0; i < subgroups.Groups.Count; i++)
        {
            Assert.Equal(subgroups.Groups[i].Fit.Estimate, summary.Statements[i].Result!.Estimate, 12);
        }
        var table = summary.Table();
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(302.0, table.NumericColumn("n")[1]);
    }

    [Fact]
    public void Cues_follow_the_documented_rules()
    {
        var muscleEnergy = EvidenceSummary.ByGroup(Demo(), "technique").Statements.Single(s => s.Label == "muscle_energy");
        // CI crosses 0 and 247 < 400 participants: very serious imprecision; I² = 0: no inconsistency.
        Assert.Equal("very serious", muscleEnergy.Imprecision);
        Assert.Equal("not serious", muscleEnergy.Inconsistency);
        Assert.Contains("compatible with no effect", muscleEnergy.Sentence, StringComparison.Ordinal);
        var bcg = MetaAnalysis.Fit(EffectSizeCalculator.Compute(StudyTableReader.ReadFile(Reference.PathOf("bcg.csv")), EffectMeasure.RiskRatio));
        var statement = EvidenceSummary.Statement("BCG", bcg);
        Assert.Equal("very serious", statement.Inconsistency); // I² = 92 %
        Assert.Contains("risk ratio was 0.49", statement.Sentence, StringComparison.Ordinal); // back-transformed
    }

    [Fact]
    public void Single_study_groups_are_described_not_pooled()
    {
        var effects = Demo().Subset([0, 1, 4]);
        var summary = EvidenceSummary.ByGroup(effects, "technique");
        var single = summary.Statements.Single(s => s.Label == "muscle_energy");
        Assert.Null(single.Result);
        Assert.Contains("only one study", single.Sentence, StringComparison.Ordinal);
    }
}
