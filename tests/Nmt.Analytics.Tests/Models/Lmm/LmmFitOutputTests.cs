using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Results;
using static Nmt.Analytics.Tests.Models.Lmm.LmmFixtures;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>The tidy tables and the fit JSON contract of an LMM fit, and input errors.</summary>
public sealed class LmmFitOutputTests
{
    private static readonly Lazy<LmmFit> Sleep = new(() => LinearMixedModel.Fit(LinearMixedModelReferenceTests.SleepstudyFrame()));

    [Fact]
    public void Tidy_has_the_term_estimate_columns_and_Wald_t_intervals_with_Satterthwaite_df()
    {
        var table = Sleep.Value.Tidy();
        Assert.Equal(TermEstimate.ColumnNames, table.Columns);
        var days = table.Row("Days");
        var (est, se, df) = ((double)days[1]!, (double)days[2]!, (double)days[4]!);
        var q = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, 0.975);
        Assert.Equal(est - (q * se), (double)days[6]!, 10);
        Assert.Equal(est + (q * se), (double)days[7]!, 10);
        // lmerTest: Days has 17.0 df in sleepstudy (18 subjects).
        Assert.Equal(17.0, df, 3);
    }

    [Fact]
    public void Random_effects_correlations_and_glance_tables_report_lme4_quantities()
    {
        var fit = Sleep.Value;
        var expected = Expected("sleepstudy_reml");
        var re = fit.VarianceComponentTable();
        Assert.Equal(["group", "term", "variance", "std_dev"], re.Columns);
        Assert.Equal("Residual", re.Rows[^1][0]);
        LmeReferenceAssert.Close(expected.GetProperty("residual_variance").GetDouble(), (double)re.Rows[^1][2]!, 1e-6, "residual variance");
        var cor = fit.Correlations();
        Assert.Equal(["Subject", "(Intercept)", "Days"], cor.Rows[0].Take(3));
        var glance = fit.Glance();
        Assert.Equal(["nobs", "ngroups", "sigma", "log_lik", "aic", "bic", "deviance", "reml_criterion", "converged", "singular"], glance.Columns);
        Assert.Equal(180, glance[0, "nobs"]);
        Assert.Equal("Subject=18", glance[0, "ngroups"]);
        LmeReferenceAssert.Close(expected.GetProperty("deviance_crit").GetDouble(), (double)glance[0, "reml_criterion"]!, 1e-7, "REMLcrit");
        Assert.Null(glance[0, "deviance"]);
        Assert.Equal(false, glance[0, "singular"]);
    }

    [Fact]
    public void Ranef_table_has_one_row_per_level_and_term()
    {
        var ranef = Sleep.Value.ConditionalModeTable();
        Assert.Equal(["group", "level", "term", "estimate", "std_error"], ranef.Columns);
        Assert.Equal(36, ranef.Rows.Count);
        Assert.Equal(18, Sleep.Value.ConditionalModesOf("Subject", "Days").Count);
    }

    [Fact]
    public void Json_follows_the_fit_contract()
    {
        var json = Sleep.Value.ToJson();
        Assert.Equal(["model", "formula", "n_obs", "n_groups", "fixed_effects", "random_effects", "correlations", "residual_variance",
            "log_likelihood", "aic", "bic", "reml", "converged", "optimizer", "excluded_rows"], json.Select(kv => kv.Key));
        Assert.Equal(["iterations", "max_abs_gradient", "at_boundary", "restarts"], json["optimizer"]!.AsObject().Select(kv => kv.Key));
        Assert.False((bool)json["optimizer"]!["at_boundary"]!);
        Assert.Equal("lmm", (string?)json["model"]);
        Assert.Equal(18, (int?)json["n_groups"]!["Subject"]);
        Assert.Equal(2, json["fixed_effects"]!.AsArray().Count);
        Assert.Equal("Days", (string?)json["random_effects"]![1]!["term"]);
        Assert.True((bool?)json["reml"]);
    }

    [Fact]
    public void A_model_without_random_terms_is_a_user_error()
    {
        var frame = LinearMixedModelReferenceTests.SleepstudyFrame();
        var noRandom = new ModelFrame("Reaction ~ Days", "Reaction", frame.Y, frame.X, frame.FixedNames, [], frame.UsedRows, frame.Exclusions);
        var error = Assert.Throws<NmtInputException>(() => LinearMixedModel.Fit(noRandom));
        Assert.Contains("random-effects term", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_secondary_random_effects_are_refused_with_a_clear_message()
    {
        var rows = Read("pastes");
        var frame = Frame("strength ~ 1 + (1 | batch/cask)", rows, "strength", [Intercept],
            new RandomSpec("batch", r => r["batch"], Intercept),
            new RandomSpec("cask:batch", r => r["cask"] + ":" + r["batch"], Intercept));
        var error = Assert.Throws<NmtInputException>(() => LinearMixedModel.Fit(frame, new LmmOptions { MaxSecondaryRandomEffects = 5 }));
        Assert.Contains("at most 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collinear_fixed_effects_are_a_user_error()
    {
        var rows = Read("sleepstudy");
        var frame = Frame("Reaction ~ Days + Days2", rows, "Reaction", [Intercept, Numeric("Days"), ("Days2", r => 2 * r.Num("Days"))],
            new RandomSpec("Subject", r => r["Subject"], Intercept));
        Assert.Throws<NmtInputException>(() => LinearMixedModel.Fit(frame));
    }
}
