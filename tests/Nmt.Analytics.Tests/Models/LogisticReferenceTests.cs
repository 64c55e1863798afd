using System.Text.Json;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models;
using Nmt.Analytics.Models.Glm;
using Nmt.Analytics.Tests.Formulas;
using static Nmt.Analytics.Tests.Models.ReferenceAssert;

namespace Nmt.Analytics.Tests.Models;

/// <summary>Logistic regression against R's glm(family = binomial) and summary.glm on named data sets.</summary>
public class LogisticReferenceTests
{
    private static readonly ReferenceCases Cases = new("Models", "glm_reference.json");

    public static TheoryData<string> CaseNames() => Cases.Names();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Coefficients_and_fit_match_R(string name)
    {
        var (expected, fit) = FitCase(name);
        // Same start, same steps, same stopping rule as glm.fit: agreement to rounding, except where R itself diverges.
        var tolerance = fit.Converged && !fit.SeparationSuspected ? 1e-8 : 1e-4;

        Assert.Equal(expected.GetProperty("terms").EnumerateArray().Select(t => t.GetString()), fit.Coefficients.Select(c => c.Term));
        Close(Numbers(expected, "estimate"), fit.Coefficients.Select(c => c.Estimate).ToList(), tolerance, $"{name} estimate");
        Close(Numbers(expected, "std_error"), fit.Coefficients.Select(c => c.StdError).ToList(), tolerance, $"{name} se");
        Close(Numbers(expected, "statistic"), fit.Coefficients.Select(c => c.Statistic).ToList(), tolerance, $"{name} z");
        Close(Numbers(expected, "p_value"), fit.Coefficients.Select(c => c.PValue).ToList(), tolerance * 10, $"{name} p");
        Close(Numbers(expected, "ci_low"), fit.Coefficients.Select(c => c.CiLow).ToList(), tolerance, $"{name} ci_low");
        Close(Numbers(expected, "ci_high"), fit.Coefficients.Select(c => c.CiHigh).ToList(), tolerance, $"{name} ci_high");
        // jsonlite writes R's Inf (exp of a diverged estimate) as null: restore it.
        var odds = Numbers(expected, "odds_ratio").Zip(Numbers(expected, "estimate"), (or, b) => double.IsNaN(or) && !double.IsNaN(b) ? Math.Exp(b) : or).ToList();
        Close(odds, fit.Exponentiated.Select(c => c.Estimate).ToList(), tolerance, $"{name} OR");
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
    public void Warnings_match_R(string name)
    {
        var (expected, fit) = FitCase(name);
        var warnings = expected.GetProperty("warnings") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(w => w.GetString()!).ToList()
            : [expected.GetProperty("warnings").GetString()!];

        var rWarnsSeparation = warnings.Any(w => w.Contains("fitted probabilities numerically 0 or 1", StringComparison.Ordinal));
        Assert.Equal(rWarnsSeparation, fit.SeparationSuspected);
        Assert.Equal(rWarnsSeparation, fit.Notes.Any(n => n.Contains("separation", StringComparison.Ordinal)));
        var rWarnsConvergence = warnings.Any(w => w.Contains("did not converge", StringComparison.Ordinal));
        Assert.Equal(rWarnsConvergence, fit.Notes.Any(n => n.Contains("did not converge", StringComparison.Ordinal)));
    }

    [Fact]
    public void Two_level_text_response_models_the_second_level()
    {
        var (_, fit) = FitCase("toothgrowth_factor_response");

        Assert.Contains(fit.Notes, n => n.Contains("P(VC) against OJ", StringComparison.Ordinal));
        var odds = fit.Tidy(exponentiate: true);
        Assert.Equal(Math.Exp(fit.Coefficients[1].Estimate), (double)odds[1, "estimate"]!, 12);
    }

    [Fact]
    public void Separated_data_names_the_diverging_coefficient()
    {
        var (_, fit) = FitCase("separated");

        Assert.Contains(fit.Notes, n => n.Contains("diverging", StringComparison.Ordinal) && n.Contains(": x", StringComparison.Ordinal));
    }

    private static (JsonElement Expected, GlmFit Fit) FitCase(string name)
    {
        var expected = Cases.Named(name);
        var table = ReferenceCsv.Load("Models", expected.GetProperty("data").GetString() + ".csv");
        var frame = ModelFrameBuilder.Build(expected.GetProperty("formula").GetString()!, table);
        return (expected, LogisticModel.Fit(frame));
    }
}
