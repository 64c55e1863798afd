using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;

namespace Nmt.Analytics.Tests.Evidence;

/// <summary>Bad study tables stop with messages that name the line, the column and the fix.</summary>
public class BadInputTests
{
    private static EffectSizeSet Effects(string csv, EffectMeasure measure) =>
        EffectSizeCalculator.Compute(StudyTableReader.Read(new StringReader(csv)), measure);

    [Fact]
    public void A_single_study_cannot_be_pooled()
    {
        var effects = Effects("study,yi,vi\nA,0.5,0.1\n", EffectMeasure.Generic);
        var e = Assert.Throws<NmtInputException>(() => MetaAnalysis.Fit(effects));
        Assert.Contains("at least 2 studies; found 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_variance_names_line_and_column()
    {
        var e = Assert.Throws<NmtInputException>(() => Effects("study,yi,vi\nA,0.5,0.1\nB,0.3,0\n", EffectMeasure.Generic));
        Assert.Equal(3, e.Line);
        Assert.Equal("vi", e.Column);
        Assert.Contains("must be positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_sd_names_line_and_column()
    {
        var e = Assert.Throws<NmtInputException>(() =>
            Effects("study,m1,sd1,n1,m2,sd2,n2\nA,3,1,20,4,1,20\nB,3,1,20,4,-1.5,20\n", EffectMeasure.StandardizedMeanDifference));
        Assert.Equal(3, e.Line);
        Assert.Equal("sd2", e.Column);
        Assert.Contains("negative", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_columns_for_the_measure_are_listed_with_suggestions()
    {
        var e = Assert.Throws<NmtInputException>(() =>
            Effects("study,m1,sd_1,n1,m2,sd2,n2\nA,3,1,20,4,1,20\n", EffectMeasure.MeanDifference));
        Assert.Contains("missing: sd1 (did you mean 'sd_1'?)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Double_zero_studies_are_kept_as_metafor_does_with_a_note()
    {
        var effects = Effects("study,ai,bi,ci,di\nA,0,50,0,50\nB,3,47,6,44\nC,2,48,5,45\n", EffectMeasure.OddsRatio);
        Assert.Equal(3, effects.Count);
        Assert.Contains(effects.Notes, n => n.Contains("no events (or only events) in both arms", StringComparison.Ordinal));
        Assert.Equal(0, effects.Studies[0].Yi, 12); // log((0.5*50.5)/(50.5*0.5))
        Assert.Equal((4 / 0.5) * 0 + (2 / 0.5) + (2 / 50.5), effects.Studies[0].Vi, 12);
    }

    [Fact]
    public void Negative_counts_are_refused()
    {
        var e = Assert.Throws<NmtInputException>(() => Effects("study,ai,bi,ci,di\nA,-1,50,3,50\n", EffectMeasure.RiskRatio));
        Assert.Equal("ai", e.Column);
    }

    [Fact]
    public void Rows_with_missing_values_are_left_out_and_reported()
    {
        var effects = Effects("study,yi,vi\nA,0.5,0.1\nB,NA,0.2\nC,0.1,0.3\n", EffectMeasure.Generic);
        Assert.Equal(2, effects.Count);
        var excluded = Assert.Single(effects.Excluded);
        Assert.Equal(3, excluded.Line);
        Assert.Equal("missing yi", excluded.Reason);
    }

    [Fact]
    public void Text_in_a_numeric_column_names_line_and_column()
    {
        var e = Assert.Throws<NmtInputException>(() => StudyTableReader.Read(new StringReader("study,yi,vi\nA,0.5,0.1\nB,abc,0.2\n")));
        Assert.Equal(3, e.Line);
        Assert.Equal("yi", e.Column);
    }

    [Fact]
    public void Unknown_measure_and_method_say_what_is_allowed()
    {
        Assert.Contains("SMD, MD, RR, OR, RD or GEN", Assert.Throws<NmtInputException>(() => EffectMeasures.Parse("HR")).Message, StringComparison.Ordinal);
        Assert.Contains("REML, DL, FE or PM", Assert.Throws<NmtInputException>(() => MetaAnalysisOptions.ParseMethod("SJ")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reml_converges_on_a_large_outcome_scale()
    {
        // normand1999 MD rescaled by 1000 (e.g. ms instead of s): τ² scales by 10⁶, the estimate by 10³.
        var baseline = MetaAnalysis.Fit(Effects(File.ReadAllText(Reference.PathOf("normand1999.csv")), EffectMeasure.MeanDifference));
        var scaled = MetaAnalysis.Fit(baseline.Effects.Studies.Select(s => s with { Yi = s.Yi * 1000, Vi = s.Vi * 1e6 }).ToArray(), EffectMeasure.MeanDifference);
        Assert.Equal(baseline.Tau2 * 1e6, scaled.Tau2, baseline.Tau2 * 1e6 * 1e-9);
        Assert.Equal(baseline.Estimate * 1000, scaled.Estimate, Math.Abs(baseline.Estimate) * 1000 * 1e-9);
    }
}
