using System.Text.Json;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Glm;
using Nmt.Analytics.Tests.Formulas;
using static Nmt.Analytics.Tests.Models.ReferenceAssert;

namespace Nmt.Analytics.Tests.Models;

/// <summary>
/// The GLM core against R's <c>glm</c> + <c>summary.glm</c> for poisson (log and identity links), gaussian (identity and
/// log links) and binomial-probit fits on warpbreaks, InsectSprays, Dobson's trial, MASS::Insurance, mtcars and infert
/// (reference/make_glm_families_reference.R). Binomial-logit is covered by LogisticReferenceTests.
/// </summary>
public class GlmReferenceTests
{
    private static readonly ReferenceCases Cases = new("Models", "glm_families_reference.json");

    public static TheoryData<string> CaseNames() => Cases.Names();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Coefficients_deviance_and_likelihood_match_R(string name)
    {
        var (expected, fit) = FitCase(name);
        const double tolerance = 1e-7; // same start, steps and stopping rule as glm.fit

        Assert.Equal(expected.GetProperty("terms").EnumerateArray().Select(t => t.GetString()), fit.Coefficients.Select(c => c.Term));
        Close(Numbers(expected, "estimate"), fit.Coefficients.Select(c => c.Estimate).ToList(), tolerance, $"{name} estimate");
        Close(Numbers(expected, "std_error"), fit.Coefficients.Select(c => c.StdError).ToList(), tolerance, $"{name} se");
        Close(Numbers(expected, "statistic"), fit.Coefficients.Select(c => c.Statistic).ToList(), tolerance, $"{name} statistic");
        Close(Numbers(expected, "p_value"), fit.Coefficients.Select(c => c.PValue).ToList(), tolerance * 10, $"{name} p");
        Close(Numbers(expected, "ci_low"), fit.Coefficients.Select(c => c.CiLow).ToList(), tolerance, $"{name} ci_low");
        Close(Numbers(expected, "ci_high"), fit.Coefficients.Select(c => c.CiHigh).ToList(), tolerance, $"{name} ci_high");
        Close(Number(expected, "dispersion"), fit.Dispersion, tolerance, "dispersion");
        Close(Number(expected, "deviance"), fit.Deviance, tolerance, "deviance");
        Close(Number(expected, "null_deviance"), fit.NullDeviance, 1e-10, "null deviance");
        Close(Number(expected, "log_lik"), fit.LogLikelihood, tolerance, "logLik");
        Close(Number(expected, "aic"), fit.Aic, tolerance, "AIC");
        Close(Number(expected, "bic"), fit.Bic, tolerance, "BIC");
        Assert.Equal(expected.GetProperty("df_residual").GetInt32(), fit.DfResidual);
        Assert.Equal(expected.GetProperty("df_null").GetInt32(), fit.DfNull);
        Assert.Equal(expected.GetProperty("iterations").GetInt32(), fit.Iterations);
        Assert.Equal(expected.GetProperty("converged").GetBoolean(), fit.Converged);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Augment_gives_Rs_fitted_values_and_deviance_residuals(string name)
    {
        var (expected, fit) = FitCase(name);

        var augmented = fit.Augment();

        Close(Numbers(expected, "fitted"), augmented.NumericColumn("fitted"), 1e-7, $"{name} fitted");
        Close(Numbers(expected, "deviance_residuals"), augmented.NumericColumn("deviance_residual"), 1e-6, $"{name} deviance residuals");
        Assert.Equal(2L, augmented[0, "row"]); // the first data line, after the header
    }

    [Fact]
    public void Poisson_refuses_negative_or_fractional_counts()
    {
        var table = ReferenceCsv.Load("Models", "mtcars.csv");

        var error = Assert.Throws<NmtInputException>(() => GeneralizedLinearModel.Fit(ModelFrameBuilder.Build("wt ~ hp", table), new GlmOptions { Family = GlmFamily.Poisson }));

        Assert.Contains("counts", error.Message, StringComparison.Ordinal);
    }

    private static (JsonElement Expected, GlmFit Fit) FitCase(string name)
    {
        var expected = Cases.Named(name);
        var table = ReferenceCsv.Load("Models", expected.GetProperty("data").GetString() + ".csv");
        var frame = ModelFrameBuilder.Build(expected.GetProperty("formula").GetString()!, table);
        var options = new GlmOptions
        {
            Family = GlmFamily.Parse(expected.GetProperty("family").GetString()!),
            Link = GlmLink.Parse(expected.GetProperty("link").GetString()!),
        };
        return (expected, GeneralizedLinearModel.Fit(frame, options));
    }
}
