using System.Text.Json.Nodes;
using Nmt.Analytics.Models;
using Nmt.Analytics.Tests.Formulas;

namespace Nmt.Analytics.Tests.Models;

/// <summary><see cref="ModelFitter"/>: the fit JSON contract and option handling of <c>nmt fit</c>, in the library.</summary>
public class ModelFitterTests
{
    private static readonly Nmt.Analytics.Data.ColumnTable Mtcars = ReferenceCsv.Load("Models", "mtcars.csv");

    [Fact]
    public void Ols_json_follows_the_fit_contract()
    {
        var json = ModelFitter.Fit(Mtcars, new FitRequest { Formula = "mpg ~ wt + factor(cyl)" }).ToJson();

        Assert.Equal("ols", (string?)json["model"]);
        Assert.Equal("mpg ~ wt + factor(cyl)", (string?)json["formula"]);
        Assert.Equal(32, (int?)json["n_obs"]);
        var effects = json["fixed_effects"]!.AsArray();
        Assert.Equal(["term", "estimate", "std_error", "statistic", "df", "p_value", "ci_low", "ci_high"], effects[0]!.AsObject().Select(p => p.Key));
        Assert.Equal("factor(cyl)8", (string?)effects[3]!["term"]);
        Assert.Equal(-6.07085968049089, (double)effects[3]!["estimate"]!, 10); // R: coef(lm(mpg ~ wt + factor(cyl), mtcars)), see lm_reference.json
        Assert.Empty(json["excluded_rows"]!.AsArray());
        Assert.Equal(0.837432525296922, (double)json["r_squared"]!, 12);
        Assert.Equal("Classical", (string?)json["covariance"]);
    }

    [Fact]
    public void Cluster_option_gives_CR1_with_G_minus_1_df()
    {
        var json = ModelFitter.Fit(Mtcars, new FitRequest { Formula = "mpg ~ wt + factor(cyl)", Cluster = "carb" }).ToJson();

        Assert.Equal("CR1", (string?)json["covariance"]);
        Assert.Equal(6, (int?)json["n_clusters"]!["carb"]);
        Assert.Equal(5.0, (double)json["fixed_effects"]![0]!["df"]!);
    }

    [Fact]
    public void Excluded_rows_carry_line_and_reason()
    {
        var airquality = ReferenceCsv.Load("Models", "airquality.csv");

        var json = ModelFitter.Fit(airquality, new FitRequest { Formula = "Ozone ~ Solar.R + Wind", Robust = "hc3" }).ToJson();

        var first = json["excluded_rows"]!.AsArray()[0]!;
        Assert.Equal(6, (long)first["row"]!);
        Assert.Equal("missing Ozone", (string?)first["reason"]);
        Assert.Equal("HC3", (string?)json["covariance"]);
    }

    [Fact]
    public void Logit_json_has_odds_ratios_and_convergence()
    {
        var fit = ModelFitter.Fit(Mtcars, new FitRequest { Formula = "am ~ wt + hp", Model = "logit" });
        var json = fit.ToJson();

        Assert.Equal("logit", (string?)json["model"]);
        Assert.Equal("binomial", (string?)json["family"]);
        Assert.True((bool)json["converged"]!);
        Assert.Null(json["fixed_effects"]![0]!["df"]); // z test
        Assert.Equal(Math.Exp(-8.08347518244463), (double)json["odds_ratios"]![1]!["estimate"]!, 9);
        Assert.Equal(3, fit.Tables().Count);
    }

    [Fact]
    public void Lmm_from_a_formula_matches_lme4_on_sleepstudy()
    {
        // Formula parsing -> ModelFrame -> LMM, end to end, against lme4/lmerTest (Models/Lmm/reference/make_fixtures.R).
        var sleepstudy = ReferenceCsv.Load(Path.Combine("Models", "Lmm"), "sleepstudy.csv");
        var expected = JsonNode.Parse(File.ReadAllText(ReferenceCsv.PathOf(Path.Combine("Models", "Lmm"), "expected.json")))!["sleepstudy_reml"]!;

        var output = ModelFitter.Fit(sleepstudy, new FitRequest { Formula = "Reaction ~ Days + (Days | Subject)", Model = "lmm" }).ToJson();

        var fixedEffects = output["fixed_effects"]!.AsArray();
        for (var i = 0; i < 2; i++)
        {
            var want = expected["fixed"]![i]!;
            Assert.Equal(want["term"]!.GetValue<string>(), fixedEffects[i]!["term"]!.GetValue<string>());
            Assert.Equal(want["estimate"]!.GetValue<double>(), fixedEffects[i]!["estimate"]!.GetValue<double>(), 1e-4);
            Assert.Equal(want["std_error"]!.GetValue<double>(), fixedEffects[i]!["std_error"]!.GetValue<double>(), 1e-4);
            Assert.Equal(want["df"]!.GetValue<double>(), fixedEffects[i]!["df"]!.GetValue<double>(), 1e-2);
        }
        Assert.Equal(18, output["n_groups"]!["Subject"]!.GetValue<int>());
        Assert.True(output["reml"]!.GetValue<bool>());
        foreach (var key in new[] { "random_effects", "correlations", "residual_variance", "log_likelihood", "aic", "bic", "converged", "excluded_rows", "singular", "warnings" })
        {
            Assert.NotNull(output[key]);
        }
    }

    [Fact]
    public void Lmm_without_a_random_term_is_refused_clearly()
    {
        var error = Assert.Throws<NmtInputException>(() => ModelFitter.Fit(Mtcars, new FitRequest { Formula = "mpg ~ wt", Model = "lmm" }));

        Assert.Contains("random-effects term", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logit", "hc1", null)]
    [InlineData("glm", "hc1", null)]
    [InlineData("ols", null, "poisson")]
    public void Options_that_do_not_go_together_are_refused(string model, string? robust, string? family)
    {
        Assert.Throws<NmtInputException>(() => ModelFitter.Fit(Mtcars, new FitRequest { Formula = "am ~ wt", Model = model, Robust = robust, Family = family }));
    }

    [Fact]
    public void Glm_poisson_json_has_family_link_and_rate_ratios()
    {
        var warpbreaks = ReferenceCsv.Load("Models", "warpbreaks.csv");

        var json = ModelFitter.Fit(warpbreaks, new FitRequest { Formula = "breaks ~ wool + tension", Model = "glm", Family = "poisson" }).ToJson();

        Assert.Equal("glm", (string?)json["model"]);
        Assert.Equal("poisson", (string?)json["family"]);
        Assert.Equal("log", (string?)json["link"]);
        Assert.Null(json["fixed_effects"]![1]!["df"]); // z test
        Assert.Equal(1.0, (double)json["dispersion"]!);
        var estimate = (double)json["fixed_effects"]![1]!["estimate"]!;
        Assert.Equal(Math.Exp(estimate), (double)json["rate_ratios"]![1]!["estimate"]!, 12);
        Assert.Null(json["separation_suspected"]);
    }

    [Fact]
    public void Table_output_prints_coefficients_and_fit()
    {
        var fit = ModelFitter.Fit(Mtcars, new FitRequest { Formula = "mpg ~ wt" });

        var text = string.Join("\n", fit.Tables().Select(t => t.ToText()));
        Assert.Contains("(Intercept)", text, StringComparison.Ordinal);
        Assert.Contains("r_squared", text, StringComparison.Ordinal);
        Assert.IsType<JsonArray>(fit.ToJson()["notes"]);
    }
}
