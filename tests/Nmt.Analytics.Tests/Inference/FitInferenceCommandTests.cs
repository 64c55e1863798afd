using Nmt.Analytics.Inference;
using Nmt.Analytics.Models;

namespace Nmt.Analytics.Tests.Inference;

/// <summary><c>nmt fit --emmeans/--pairwise/--adjust/--anova</c>: the inference JSON contract and bad-input messages.</summary>
public class FitInferenceCommandTests
{
    private static readonly Nmt.Analytics.Data.ColumnTable Warpbreaks = InferenceCases.Load("Models/warpbreaks.csv");

    [Fact]
    public void Json_carries_emmeans_contrasts_adjust_and_anova_as_the_contract_names_them()
    {
        var request = new FitRequest { Formula = "breaks ~ wool * tension", Inference = new InferenceRequest("tension", Pairwise: true, Adjust: "holm", Anova: 3) };
        var json = FitAnalysis.Run(Warpbreaks, request).ToJson();
        var emmeans = json["emmeans"]!.AsArray();
        Assert.Equal(["term", "level", "estimate", "std_error", "df", "ci_low", "ci_high"], emmeans[0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["H", "L", "M"], emmeans.Select(e => e!["level"]!.GetValue<string>()));
        Assert.Equal("holm", json["adjust"]!.GetValue<string>());
        Assert.Equal(["H - L", "H - M", "L - M"], json["contrasts"]!.AsArray().Select(c => c!["contrast"]!.GetValue<string>()));
        Assert.Equal(["(Intercept)", "wool", "tension", "wool:tension"], json["anova"]!.AsArray().Select(r => r!["term"]!.GetValue<string>()));
    }

    [Fact]
    public void Logit_means_have_null_df_and_response_columns()
    {
        var infert = InferenceCases.Load("Models/infert.csv");
        var json = FitAnalysis.Run(infert, new FitRequest { Formula = "case ~ education + spontaneous", Model = "logit", Inference = new InferenceRequest("education", Anova: 2) }).ToJson();
        var first = json["emmeans"]!.AsArray()[0]!.AsObject();
        Assert.Null(first["df"]);
        Assert.True(first.ContainsKey("response") && first.ContainsKey("response_low") && first.ContainsKey("response_high"));
        Assert.All(json["anova"]!.AsArray(), r => Assert.Null(r!["den_df"]));
    }

    [Theory]
    [InlineData("--pairwise without a term", null, true, null)]
    [InlineData("--adjust without --pairwise", "tension", false, "holm")]
    public void Inconsistent_options_are_user_errors(string because, string? term, bool pairwise, string? adjust)
    {
        var request = new FitRequest { Formula = "breaks ~ wool * tension", Inference = new InferenceRequest(term, pairwise, adjust) };
        var error = Assert.Throws<NmtInputException>(() => FitAnalysis.Run(Warpbreaks, request));
        Assert.False(string.IsNullOrWhiteSpace(error.Message), because);
    }

    [Fact]
    public void A_contrast_of_a_single_level_is_refused_with_a_clear_message()
    {
        var oneWool = InferenceCases.Load("Inference/warpbreaks_unbalanced.csv");
        var request = new FitRequest { Formula = "breaks ~ 0 + wool", Inference = new InferenceRequest("wool", Pairwise: true) };
        var single = Assert.Throws<NmtInputException>(() => FitAnalysis.Run(Only(oneWool, "wool", "A"), request));
        Assert.Contains("at least two levels", single.Message, StringComparison.Ordinal);
    }

    private static Nmt.Analytics.Data.ColumnTable Only(Nmt.Analytics.Data.ColumnTable table, string column, string level)
    {
        var rows = Enumerable.Range(0, table.RowCount).Where(r => table.Text(column)[r] == level).ToList();
        return table.Take(rows);
    }

    [Fact]
    public void Glmm_json_has_family_link_random_effects_and_response_scale_means()
    {
        var cbpp = InferenceCases.Load("Inference/cbpp_animals.csv");
        var json = FitAnalysis.Run(cbpp, new FitRequest
        {
            Formula = "sick ~ period + (1 | herd)",
            Model = "glmm",
            Family = "binomial",
            Inference = new InferenceRequest("period", Pairwise: true),
        }).ToJson();
        Assert.Equal("binomial", json["family"]!.GetValue<string>());
        Assert.Equal("logit", json["link"]!.GetValue<string>());
        Assert.Equal(-2 * json["log_likelihood"]!.GetValue<double>(), json["deviance"]!.GetValue<double>(), 9);
        Assert.Single(json["random_effects"]!.AsArray());
        Assert.Equal(4, json["emmeans"]!.AsArray().Count);
        Assert.Null(json["emmeans"]!.AsArray()[0]!["df"]);
        Assert.Equal("p1 - p2", json["contrasts"]!.AsArray()[0]!["contrast"]!.GetValue<string>());
    }
}
