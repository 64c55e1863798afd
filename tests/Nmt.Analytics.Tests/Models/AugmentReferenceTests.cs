using Nmt.Analytics.Models;
using Nmt.Analytics.Tests.Formulas;
using static Nmt.Analytics.Tests.Models.ReferenceAssert;

namespace Nmt.Analytics.Tests.Models;

/// <summary><see cref="IModelFit.Augment"/> against R: lme4's <c>fitted</c>, <c>predict(re.form = NA)</c> and <c>residuals</c> (reference/make_augment_reference.R), and lm's residuals.</summary>
public class AugmentReferenceTests
{
    private static readonly ReferenceCases Cases = new("Models", "lmm_augment_reference.json");

    [Fact]
    public void Lmm_fitted_values_include_the_conditional_modes_as_lme4()
    {
        var expected = Cases.Named("sleepstudy_reml");
        var sleepstudy = ReferenceCsv.Load(Path.Combine("Models", "Lmm"), "sleepstudy.csv");

        var augmented = ModelFitter.Fit(sleepstudy, new FitRequest { Formula = "Reaction ~ Days + (Days | Subject)", Model = "lmm" }).Augment();

        Close(Numbers(expected, "fitted"), augmented.NumericColumn("fitted"), 1e-5, "fitted");
        Close(Numbers(expected, "fixed_fitted"), augmented.NumericColumn("fixed_fitted"), 1e-5, "fixed_fitted");
        Close(Numbers(expected, "residual"), augmented.NumericColumn("residual"), 1e-3, "residual");
        Assert.Equal(2L, augmented[0, "row"]);
    }

    [Fact]
    public void Ols_rows_are_source_lines_and_residuals_match_R()
    {
        var lm = new ReferenceCases("Models", "lm_reference.json").Named("airquality_missing");
        var airquality = ReferenceCsv.Load("Models", "airquality.csv");

        var augmented = ModelFitter.Fit(airquality, new FitRequest { Formula = lm.GetProperty("formula").GetString()! }).Augment();

        Close(Numbers(lm, "residuals"), augmented.NumericColumn("residual"), 1e-9, "residuals");
        Close(Numbers(lm, "leverage"), augmented.NumericColumn("leverage"), 1e-9, "leverage");
        Assert.Equal(2L, augmented[0, "row"]); // airquality's first row is complete
        Assert.Equal(Numbers(lm, "residuals").Length, augmented.Rows.Count);
        Assert.DoesNotContain(6L, augmented.Rows.Select(r => (long)r[0]!)); // line 6 (Ozone missing) is excluded
    }
}
