using System.Text.Json;
using System.Text.Json.Nodes;
using Nmt.Analytics.Models;
using Nmt.Analytics.Tests.Formulas;

namespace Nmt.Analytics.Tests.Inference;

/// <summary>
/// <c>nmt fit --compare</c>: ols against lmtest::lrtest on mtcars (reference/make_comparison_reference.R); lmm against
/// lme4's anova(m1, m2) on nlme::Oxboys, both models refitted by ML (Models/Lmm/reference/growth).
/// </summary>
public class ModelComparisonTests
{
    private static readonly string[] Keys = ["formula", "n_par", "aic", "bic", "log_likelihood", "deviance", "chisq", "df", "p_value"];

    private static JsonElement Expected(string path, string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, path))).RootElement.GetProperty(name);

    private static void AssertRows(JsonArray rows, JsonElement expected, string logLikKey)
    {
        Assert.Equal(2, rows.Count);
        for (var i = 0; i < 2; i++)
        {
            var row = rows[i]!;
            Assert.Equal(Keys, row.AsObject().Select(kv => kv.Key));
            Assert.Equal(expected.GetProperty("n_par")[i].GetInt32(), (int)row["n_par"]!);
            Assert.Equal(expected.GetProperty(logLikKey)[i].GetDouble(), (double)row["log_likelihood"]!, 5);
            Assert.Equal(expected.GetProperty("aic")[i].GetDouble(), (double)row["aic"]!, 5);
            Assert.Equal(expected.GetProperty("bic")[i].GetDouble(), (double)row["bic"]!, 5);
            Assert.Equal(expected.GetProperty("deviance")[i].GetDouble(), (double)row["deviance"]!, 5);
        }
        Assert.Null(rows[0]!["chisq"]);
        Assert.Equal(expected.GetProperty("chisq").GetDouble(), (double)rows[1]!["chisq"]!, 5);
        Assert.Equal(expected.GetProperty("df").GetInt32(), (int)rows[1]!["df"]!);
        var p = expected.GetProperty("p_value").GetDouble();
        Assert.True(Math.Abs(p - (double)rows[1]!["p_value"]!) <= 1e-5 * p, $"p {p} vs {rows[1]!["p_value"]}");
    }

    [Fact]
    public void Ols_compare_is_the_likelihood_ratio_test_of_lmtest_ordered_by_n_par()
    {
        var table = ReferenceCsv.Load("Models", "mtcars.csv");
        var json = FitAnalysis.Run(table, new FitRequest { Formula = "mpg ~ wt + hp + factor(cyl)", Compare = "mpg ~ wt" }).ToJson();
        var rows = json["comparison"]!.AsArray();
        Assert.Equal("mpg ~ wt", (string?)rows[0]!["formula"]);
        AssertRows(rows, Expected("Inference/reference/comparison_expected.json", "mtcars_ols"), "log_lik");
    }

    [Fact]
    public void Lmm_compare_refits_by_ML_as_lme4_anova()
    {
        var table = ReferenceCsv.Load("Models/Lmm", "growth/oxboys.csv");
        var json = FitAnalysis.Run(table, new FitRequest
        {
            Formula = "height ~ age + (age | Subject)",
            Model = "lmm",
            Compare = "height ~ age + I(age^2) + (age | Subject)",
        }).ToJson();
        Assert.True((bool)json["reml"]!);
        AssertRows(json["comparison"]!.AsArray(), Expected("Models/Lmm/reference/growth/growth_expected.json", "oxboys_compare"), "log_lik");
        Assert.True((bool)json["converged"]!);
        Assert.Equal(0, (int)json["optimizer"]!["restarts"]!);
    }

    [Fact]
    public void Compare_is_refused_for_logistic_models()
    {
        var table = ReferenceCsv.Load("Models", "mtcars.csv");
        Assert.Throws<NmtInputException>(() => FitAnalysis.Run(table, new FitRequest { Formula = "am ~ wt", Model = "logit", Compare = "am ~ 1" }));
    }
}
