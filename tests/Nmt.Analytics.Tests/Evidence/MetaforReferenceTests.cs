using Nmt.Analytics.Evidence;

namespace Nmt.Analytics.Tests.Evidence;

/// <summary>
/// Every measure × method × test against metafor 3.8.1 on dat.bcg (RR, OR), dat.normand1999 (MD, SMD),
/// dat.molloy2014 (GEN) and dat.nielweise2007 (zero cells; OR, RR).
/// </summary>
public class MetaforReferenceTests
{
    public static TheoryData<string> Cases => Reference.Names("cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Effect_sizes_match_escalc(string name)
    {
        var c = Reference.Find("cases", name);
        var effects = Reference.Effects(c);
        Reference.Close(Reference.Numbers(c, "yi"), effects.Studies.Select(s => s.Yi).ToArray(), "yi");
        Reference.Close(Reference.Numbers(c, "vi"), effects.Studies.Select(s => s.Vi).ToArray(), "vi");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pooled_model_matches_rma(string name)
    {
        var c = Reference.Find("cases", name);
        var r = MetaAnalysis.Fit(Reference.Effects(c), Reference.Options(c));
        Assert.Equal(c.GetProperty("k").GetInt32(), r.K);
        Reference.Close(Reference.Number(c, "estimate"), r.Estimate, "estimate");
        Reference.Close(Reference.Number(c, "se"), r.StdError, "se");
        Reference.Close(Reference.Number(c, "zval"), r.Statistic, "zval");
        Reference.Close(Reference.Number(c, "pval"), r.PValue, "pval");
        Reference.Close(Reference.Number(c, "ci_lb"), r.CiLow, "ci.lb");
        Reference.Close(Reference.Number(c, "ci_ub"), r.CiHigh, "ci.ub");
        Reference.Close(Reference.Number(c, "tau2"), r.Tau2, "tau2");
        Reference.Close(Reference.Number(c, "i2"), r.I2, "I2");
        Reference.Close(Reference.Number(c, "h2"), r.H2, "H2");
        Reference.Close(Reference.Number(c, "q"), r.Q, "QE");
        Reference.Close(Reference.Number(c, "qp"), r.QPValue, "QEp");
        Reference.Close(Reference.Numbers(c, "weights"), r.Weights, "weights");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prediction_intervals_match_predict(string name)
    {
        var c = Reference.Find("cases", name);
        var effects = Reference.Effects(c);
        var normal = MetaAnalysis.Fit(effects, Reference.Options(c));
        var riley = MetaAnalysis.Fit(effects, Reference.Options(c) with { PredictionInterval = PredictionIntervalKind.Riley });
        Reference.Close(Reference.Number(c, "pi_lb"), normal.PiLow, "pi.lb");
        Reference.Close(Reference.Number(c, "pi_ub"), normal.PiHigh, "pi.ub");
        Reference.Close(Reference.Number(c, "pi_riley_lb"), riley.PiLow, "pi.lb (riley)");
        Reference.Close(Reference.Number(c, "pi_riley_ub"), riley.PiHigh, "pi.ub (riley)");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tau2_interval_matches_confint_q_profile(string name)
    {
        var c = Reference.Find("cases", name);
        var r = MetaAnalysis.Fit(Reference.Effects(c), Reference.Options(c));
        if (!c.TryGetProperty("tau2_lb", out _))
        {
            Assert.True(double.IsNaN(r.Tau2CiLow), "no tau2 CI for the fixed-effect model");
            return;
        }
        Reference.Close(Reference.Number(c, "tau2_lb"), r.Tau2CiLow, "tau2.lb");
        Reference.Close(Reference.Number(c, "tau2_ub"), r.Tau2CiHigh, "tau2.ub");
        Reference.Close(Reference.Number(c, "i2_lb"), r.I2CiLow, "I2.lb");
        Reference.Close(Reference.Number(c, "i2_ub"), r.I2CiHigh, "I2.ub");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Leave_one_out_matches_leave1out(string name)
    {
        var c = Reference.Find("cases", name);
        var refits = LeaveOneOut.Refits(MetaAnalysis.Fit(Reference.Effects(c), Reference.Options(c)));
        var l = c.GetProperty("l1o");
        Reference.Close(Reference.Numbers(l, "estimate"), refits.Select(r => r.Estimate).ToArray(), "l1o estimate");
        Reference.Close(Reference.Numbers(l, "se"), refits.Select(r => r.StdError).ToArray(), "l1o se");
        Reference.Close(Reference.Numbers(l, "pval"), refits.Select(r => r.PValue).ToArray(), "l1o pval");
        Reference.Close(Reference.Numbers(l, "ci_lb"), refits.Select(r => r.CiLow).ToArray(), "l1o ci.lb");
        Reference.Close(Reference.Numbers(l, "ci_ub"), refits.Select(r => r.CiHigh).ToArray(), "l1o ci.ub");
        Reference.Close(Reference.Numbers(l, "q"), refits.Select(r => r.Q).ToArray(), "l1o Q");
        Reference.Close(Reference.Numbers(l, "qp"), refits.Select(r => r.QPValue).ToArray(), "l1o Qp");
        Reference.Close(Reference.Numbers(l, "tau2"), refits.Select(r => r.Tau2).ToArray(), "l1o tau2");
        Reference.Close(Reference.Numbers(l, "i2"), refits.Select(r => r.I2).ToArray(), "l1o I2");
        Reference.Close(Reference.Numbers(l, "h2"), refits.Select(r => r.H2).ToArray(), "l1o H2");
    }
}
