using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Glmm;
using static Nmt.Analytics.Tests.Models.ReferenceAssert;

namespace Nmt.Analytics.Tests.Inference;

/// <summary>
/// GLMM against lme4 1.1-31 <c>glmer</c>: cbpp (one 0/1 row per animal; Laplace, nAGQ = 9, exact PIRLS, and a
/// correlated random slope), grouseticks (Poisson, random intercept) and MASS epil (Poisson, correlated random slope)
/// — estimates, lme4 summary SEs (Hessian over θ and β), θ, variances, correlations, logLik, AIC, BIC.
/// </summary>
public class GlmmReferenceTests
{
    private static readonly Formulas.ReferenceCases Cases = new("Inference", "glmm_reference.json");

    public static TheoryData<string> Names => Cases.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Glmm_matches_glmer(string name)
    {
        var c = Cases.Named(name);
        var table = InferenceCases.Load(c.GetProperty("data").GetString()!);
        var frame = ModelFrameBuilder.Build(c.GetProperty("formula").GetString()!, table);
        var family = c.GetProperty("family").GetString() == "poisson" ? GlmmFamily.Poisson : GlmmFamily.Binomial;
        var options = new GlmmOptions { Family = family, Nagq = c.GetProperty("nagq").GetInt32(), PirlsTolerance = Number(c, "tol_pwrss") };
        var fit = GeneralizedLinearMixedModel.Fit(frame, options);
        Assert.Equal(c.GetProperty("term").EnumerateArray().Select(t => t.GetString()), fit.FixedEffects.Select(e => e.Term));
        Close(Number(c, "log_likelihood"), fit.LogLikelihood, 1e-8, name + " logLik");
        Close(Number(c, "aic"), fit.Aic, 1e-8, name + " AIC");
        Close(Number(c, "bic"), fit.Bic, 1e-8, name + " BIC");
        Close(Numbers(c, "estimate"), fit.FixedEffects.Select(e => e.Estimate).ToArray(), 2e-5, name + " estimate");
        // Same deviance (glmer's PIRLS at its tolPwrss) and the same stencil (deriv12): SEs agree to ~2e-5; 1e-3 is the bar.
        Close(Numbers(c, "std_error"), fit.FixedEffects.Select(e => e.StdError).ToArray(), 1e-3, name + " se");
        Close(Numbers(c, "theta"), fit.Theta.ToArray(), 1e-4, name + " theta");
        Close(Numbers(c, "variance"), fit.VarianceComponents.Select(v => v.Variance).ToArray(), 1e-4, name + " variance");
        var correlations = Numbers(c, "correlation");
        Assert.Equal(correlations.Length, fit.RandomCorrelations.Count);
        for (var i = 0; i < correlations.Length; i++)
        {
            Assert.InRange(fit.RandomCorrelations[i].Correlation, correlations[i] - 1e-5, correlations[i] + 1e-5);
        }
        Assert.True(fit.Converged, string.Join("; ", fit.Warnings));
    }

    [Fact]
    public void Glmer_tolerance_changes_the_standard_errors_the_exact_laplace_agrees_with_tight_glmer()
    {
        // glmer's default PIRLS tolerance shifts its SEs by ~1 % from the exact Laplace ones; both are reproduced.
        var table = InferenceCases.Load("Inference/cbpp_animals.csv");
        var frame = ModelFrameBuilder.Build("sick ~ period + (1 | herd)", table);
        var glmerDefault = GeneralizedLinearMixedModel.Fit(frame);
        var exact = GeneralizedLinearMixedModel.Fit(frame, new GlmmOptions { PirlsTolerance = 1e-10 });
        var se = Numbers(Cases.Named("cbpp_laplace_exact"), "std_error");
        Close(se, exact.FixedEffects.Select(e => e.StdError).ToArray(), 1e-3, "exact se");
        Assert.True(Math.Abs(glmerDefault.FixedEffects[3].StdError / exact.FixedEffects[3].StdError - 1) > 5e-3);
    }

    [Fact]
    public void Poisson_response_must_be_whole_non_negative_counts()
    {
        var table = InferenceCases.Load("Inference/chickweight.csv");
        var frame = ModelFrameBuilder.Build("weight ~ Time + (1 | Chick)", table);
        var scaled = new ModelFrame(frame.Formula, frame.ResponseName, frame.Y.Map(v => v / 7), frame.X, frame.FixedNames, frame.RandomBlocks, frame.UsedRows, frame.Exclusions);
        var error = Assert.Throws<NmtInputException>(() => GeneralizedLinearMixedModel.Fit(scaled, new GlmmOptions { Family = GlmmFamily.Poisson }, table.SourceLines));
        Assert.Contains("line 3, column weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_separation_is_a_clear_user_error()
    {
        var table = InferenceCases.Load("Inference/cbpp_animals.csv");
        var frame = ModelFrameBuilder.Build("sick ~ period + (1 | herd)", table);
        var separated = new ModelFrame(frame.Formula, frame.ResponseName, frame.X.Column(1).Map(v => v), frame.X, frame.FixedNames, frame.RandomBlocks, frame.UsedRows, frame.Exclusions);
        var error = Assert.Throws<NmtInputException>(() => GeneralizedLinearMixedModel.Fit(separated));
        Assert.Contains("complete separation", error.Message, StringComparison.Ordinal);
    }
}
