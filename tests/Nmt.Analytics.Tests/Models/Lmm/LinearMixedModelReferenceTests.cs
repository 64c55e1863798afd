using Nmt.Analytics.Models.Lmm;
using static Nmt.Analytics.Tests.Models.Lmm.LmmFixtures;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>Linear mixed models against lme4 1.1.31 / lmerTest 3.1-3 on R's named data sets (reference/make_fixtures.R).</summary>
public sealed class LinearMixedModelReferenceTests
{
    private static readonly Lazy<List<Row>> Sleep = new(() => Read("sleepstudy"));

    internal static Nmt.Analytics.Formulas.ModelFrame SleepstudyFrame(bool slope = true, bool correlated = true)
    {
        var terms = new List<RandomSpec>();
        if (slope && correlated)
        {
            terms.Add(new RandomSpec("Subject", r => r["Subject"], Intercept, Numeric("Days")));
        }
        else
        {
            terms.Add(new RandomSpec("Subject", r => r["Subject"], Intercept));
            if (slope)
            {
                terms.Add(new RandomSpec("Subject", r => r["Subject"], Numeric("Days")));
            }
        }
        return Frame("Reaction ~ Days + (Days | Subject)", Sleep.Value, "Reaction", [Intercept, Numeric("Days")], [.. terms]);
    }

    [Fact]
    public void Sleepstudy_correlated_slope_REML_matches_lme4()
    {
        var fit = LinearMixedModel.Fit(SleepstudyFrame());
        var expected = Expected("sleepstudy_reml");
        LmeReferenceAssert.Matches(expected, fit);
        LmeReferenceAssert.RanefMatches(expected, fit, 1e-4);
        Assert.True(fit.Converged);
        Assert.Empty(fit.Warnings);
    }

    [Theory]
    [InlineData("sleepstudy_reml")]
    [InlineData("sleepstudy_ml")]
    public void Sleepstudy_matches_lme4_run_with_its_default_optimizer_settings_to_its_own_precision(string name)
    {
        var fit = LinearMixedModel.Fit(SleepstudyFrame(), new LmmOptions { Reml = name.EndsWith("reml", StringComparison.Ordinal) });
        var expected = ExpectedWithLme4Defaults(name);
        LmeReferenceAssert.Matches(expected, fit, relative: 1e-5, dfRelative: 1e-3);
        Assert.True(fit.LogLikelihood >= expected.GetProperty("log_lik").GetDouble(), "our optimum is at least as good as lme4's");
    }

    [Fact]
    public void Sleepstudy_correlated_slope_ML_matches_lme4()
    {
        var fit = LinearMixedModel.Fit(SleepstudyFrame(), new LmmOptions { Reml = false });
        LmeReferenceAssert.Matches(Expected("sleepstudy_ml"), fit);
        Assert.Equal(fit.Criterion, -2 * fit.LogLikelihood);
    }

    [Fact]
    public void Sleepstudy_uncorrelated_terms_match_lme4_including_group_names()
    {
        var fit = LinearMixedModel.Fit(SleepstudyFrame(correlated: false));
        LmeReferenceAssert.Matches(Expected("sleepstudy_uncorrelated"), fit);
        Assert.Empty(fit.RandomCorrelations);
    }

    [Fact]
    public void Unbalanced_sleepstudy_matches_lme4_including_conditional_modes()
    {
        var rows = Read("sleepstudy_unbalanced");
        var fit = LinearMixedModel.Fit(Frame("Reaction ~ Days + (Days | Subject)", rows, "Reaction", [Intercept, Numeric("Days")],
            new RandomSpec("Subject", r => r["Subject"], Intercept, Numeric("Days"))));
        var expected = Expected("sleepstudy_unbalanced");
        LmeReferenceAssert.Matches(expected, fit);
        LmeReferenceAssert.RanefMatches(expected, fit, 1e-4);
    }

    [Fact]
    public void Unbalanced_sleepstudy_random_intercept_ML_matches_lme4()
    {
        var rows = Read("sleepstudy_unbalanced");
        var fit = LinearMixedModel.Fit(Frame("Reaction ~ Days + (1 | Subject)", rows, "Reaction", [Intercept, Numeric("Days")],
            new RandomSpec("Subject", r => r["Subject"], Intercept)), new LmmOptions { Reml = false });
        LmeReferenceAssert.Matches(Expected("sleepstudy_unbalanced_intercept_ml"), fit);
    }

    [Fact]
    public void Three_correlated_terms_per_group_on_unbalanced_data_match_lme4()
    {
        var rows = Read("sleepstudy_unbalanced");
        var fit = LinearMixedModel.Fit(Frame("Reaction ~ Days + D2 + (Days + D2 | Subject)", rows, "Reaction", [Intercept, Numeric("Days"), Numeric("D2")],
            new RandomSpec("Subject", r => r["Subject"], Intercept, Numeric("Days"), Numeric("D2"))));
        LmeReferenceAssert.Matches(Expected("sleepstudy_unbalanced_three_terms"), fit);
        Assert.Equal(3, fit.RandomCorrelations.Count);
        Assert.Equal(6, fit.Theta.Count);
    }

    [Fact]
    public void Dyestuff_random_intercept_matches_lme4()
    {
        var rows = Read("dyestuff");
        var fit = LinearMixedModel.Fit(Frame("Yield ~ 1 + (1 | Batch)", rows, "Yield", [Intercept], new RandomSpec("Batch", r => r["Batch"], Intercept)));
        LmeReferenceAssert.Matches(Expected("dyestuff_reml"), fit);
    }

    [Fact]
    public void Dyestuff2_is_a_singular_fit_with_a_plain_warning()
    {
        var rows = Read("dyestuff2");
        var fit = LinearMixedModel.Fit(Frame("Yield ~ 1 + (1 | Batch)", rows, "Yield", [Intercept], new RandomSpec("Batch", r => r["Batch"], Intercept)));
        var expected = Expected("dyestuff2_singular");
        Assert.True(fit.IsSingular);
        Assert.Equal(0, fit.Theta[0]);
        Assert.Equal(0, fit.VarianceComponents[0].Variance);
        LmeReferenceAssert.Close(expected.GetProperty("log_lik").GetDouble(), fit.LogLikelihood, 1e-7, "logLik");
        LmeReferenceAssert.Close(expected.GetProperty("sigma").GetDouble(), fit.Sigma, 1e-6, "sigma");
        var fixedRow = expected.GetProperty("fixed")[0];
        LmeReferenceAssert.Close(fixedRow.GetProperty("estimate").GetDouble(), fit.FixedEffects[0].Estimate, 1e-7, "intercept");
        LmeReferenceAssert.Close(fixedRow.GetProperty("std_error").GetDouble(), fit.FixedEffects[0].StdError, 1e-6, "SE");
        // lmerTest: 29 Satterthwaite df on the boundary (the random effect vanishes; n − 1).
        Assert.Equal(29.0, fit.FixedEffects[0].Df, 3);
        var warning = Assert.Single(fit.Warnings);
        Assert.Contains("variance of zero for '(Intercept)' within 'Batch'", warning, StringComparison.Ordinal);
        Assert.Contains("simplify the model", warning, StringComparison.Ordinal);
        Assert.Contains(warning, fit.Tidy().Notes);
    }

    [Fact]
    public void Pastes_nested_groups_match_lme4()
    {
        var rows = Read("pastes");
        var fit = LinearMixedModel.Fit(Frame("strength ~ 1 + (1 | batch/cask)", rows, "strength", [Intercept],
            new RandomSpec("batch", r => r["batch"], Intercept),
            new RandomSpec("cask:batch", r => r["cask"] + ":" + r["batch"], Intercept)));
        var expected = Expected("pastes_nested");
        LmeReferenceAssert.Matches(expected, fit);
        LmeReferenceAssert.RanefMatches(expected, fit, 1e-4);
        Assert.Equal(["cask:batch.(Intercept)", "batch.(Intercept)"], fit.ThetaNames);
    }

    [Fact]
    public void Penicillin_crossed_groups_match_lme4()
    {
        var rows = Read("penicillin");
        var fit = LinearMixedModel.Fit(Frame("diameter ~ 1 + (1 | plate) + (1 | sample)", rows, "diameter", [Intercept],
            new RandomSpec("plate", r => r["plate"], Intercept),
            new RandomSpec("sample", r => r["sample"], Intercept)));
        LmeReferenceAssert.Matches(Expected("penicillin_crossed"), fit);
    }

    [Fact]
    public void Cake_categorical_by_continuous_interaction_matches_lme4()
    {
        var rows = Read("cake");
        (string, Func<Row, double>) Interaction(string level) => ("recipe" + level + ":temp", r => r["recipe"] == level ? r.Num("temp") : 0);
        var fit = LinearMixedModel.Fit(Frame("angle ~ recipe * temp + (1 | recipe:replicate)", rows, "angle",
            [Intercept, Dummy("recipe", "B"), Dummy("recipe", "C"), Numeric("temp"), Interaction("B"), Interaction("C")],
            new RandomSpec("recipe:replicate", r => r["recipe"] + ":" + r["replicate"], Intercept)));
        LmeReferenceAssert.Matches(Expected("cake_interaction"), fit);
    }

    [Fact]
    public void Two_grouping_factors_with_a_secondary_slope_reach_lme4s_boundary_optimum()
    {
        var rows = Read("cake");
        (string, Func<Row, double>) t10 = ("t10", r => (r.Num("temp") - 200) / 10);
        var fit = LinearMixedModel.Fit(Frame("angle ~ recipe + t10 + (t10 | replicate) + (1 | recipe:replicate)", rows, "angle",
            [Intercept, Dummy("recipe", "B"), Dummy("recipe", "C"), t10],
            new RandomSpec("replicate", r => r["replicate"], Intercept, t10),
            new RandomSpec("recipe:replicate", r => r["recipe"] + ":" + r["replicate"], Intercept)));
        LmeReferenceAssert.Matches(Expected("cake_two_factors"), fit, relative: 1e-6, dfRelative: 1e-3);
        Assert.Equal(0, fit.Theta[3]);
        Assert.Contains("a correlation of ±1 between 't10' and the other terms within 'replicate'", Assert.Single(fit.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Likelihood_ratio_test_refits_REML_with_ML_like_anova()
    {
        var small = LinearMixedModel.Fit(SleepstudyFrame(slope: false));
        var large = LinearMixedModel.Fit(SleepstudyFrame());
        var lrt = LikelihoodRatioTest.Compare(small, large);
        var expected = Expected("lrt_sleepstudy");
        Assert.True(lrt.RefittedWithMl);
        Assert.Equal(2, lrt.Df);
        LmeReferenceAssert.Close(expected.GetProperty("chisq").GetDouble(), lrt.ChiSquare, 1e-5, "chisq");
        LmeReferenceAssert.Close(expected.GetProperty("p_value").GetDouble(), lrt.PValue, 1e-4, "p");
        LmeReferenceAssert.Close(expected.GetProperty("log_lik_small").GetDouble(), lrt.LogLikSmall, 1e-8, "logLik small");
        LmeReferenceAssert.Close(Expected("sleepstudy_intercept_ml").GetProperty("log_lik").GetDouble(), lrt.LogLikSmall, 1e-8, "logLik small (direct)");
    }
}
