using Nmt.Analytics.Evidence;

namespace Nmt.Analytics.Tests.Evidence;

/// <summary>Meta-regression (rma(mods=)) and subgroup analyses against metafor 3.8.1 on dat.bcg and dat.molloy2014.</summary>
public class MetaRegressionReferenceTests
{
    public static TheoryData<string> Regressions => Reference.Names("regressions");

    public static TheoryData<string> Subgroups => Reference.Names("subgroups");

    [Theory]
    [MemberData(nameof(Regressions))]
    public void Meta_regression_matches_rma_with_mods(string name)
    {
        var c = Reference.Find("regressions", name);
        var r = MetaRegression.Fit(Reference.Effects(c), c.GetProperty("moderator").GetString()!, Reference.Options(c));
        Assert.Equal(c.GetProperty("terms").EnumerateArray().Select(t => t.GetString()), r.Coefficients.Select(t => t.Term));
        Reference.Close(Reference.Numbers(c, "estimate"), r.Coefficients.Select(t => t.Estimate).ToArray(), "beta");
        Reference.Close(Reference.Numbers(c, "se"), r.Coefficients.Select(t => t.StdError).ToArray(), "se");
        Reference.Close(Reference.Numbers(c, "zval"), r.Coefficients.Select(t => t.Statistic).ToArray(), "zval");
        Reference.Close(Reference.Numbers(c, "pval"), r.Coefficients.Select(t => t.PValue).ToArray(), "pval");
        Reference.Close(Reference.Numbers(c, "ci_lb"), r.Coefficients.Select(t => t.CiLow).ToArray(), "ci.lb");
        Reference.Close(Reference.Numbers(c, "ci_ub"), r.Coefficients.Select(t => t.CiHigh).ToArray(), "ci.ub");
        Reference.Close(Reference.Number(c, "tau2"), r.Tau2, "tau2");
        Reference.Close(Reference.Number(c, "i2"), r.I2, "I2");
        Reference.Close(Reference.Number(c, "h2"), r.H2, "H2");
        Reference.Close(Reference.Number(c, "r2"), r.R2, "R2", 1e-5);
        Reference.Close(Reference.Number(c, "qm"), r.Qm, "QM");
        Reference.Close(Reference.Number(c, "qmp"), r.QmPValue, "QMp");
        Reference.Close(Reference.Number(c, "qe"), r.Qe, "QE");
        Reference.Close(Reference.Number(c, "qep"), r.QePValue, "QEp");
    }

    [Theory]
    [MemberData(nameof(Subgroups))]
    public void Subgroup_analysis_matches_separate_rma_fits(string name)
    {
        var c = Reference.Find("subgroups", name);
        var s = SubgroupAnalysis.Fit(Reference.Effects(c), c.GetProperty("column").GetString()!, Reference.Options(c));
        Assert.Equal(c.GetProperty("levels").EnumerateArray().Select(t => t.GetString()), s.Groups.Select(g => g.Level));
        Reference.Close(Reference.Numbers(c, "estimate"), s.Groups.Select(g => g.Fit.Estimate).ToArray(), "estimate");
        Reference.Close(Reference.Numbers(c, "se"), s.Groups.Select(g => g.Fit.StdError).ToArray(), "se");
        Reference.Close(Reference.Numbers(c, "ci_lb"), s.Groups.Select(g => g.Fit.CiLow).ToArray(), "ci.lb");
        Reference.Close(Reference.Numbers(c, "tau2"), s.Groups.Select(g => g.Fit.Tau2).ToArray(), "tau2");
        Reference.Close(Reference.Numbers(c, "i2"), s.Groups.Select(g => g.Fit.I2).ToArray(), "I2");
        Reference.Close(Reference.Numbers(c, "q"), s.Groups.Select(g => g.Fit.Q).ToArray(), "Q");
        Reference.Close(Reference.Number(c, "q_between"), s.QBetween, "Q between");
        Reference.Close(Reference.Number(c, "q_between_p"), s.QBetweenPValue, "Q between p");
    }
}
