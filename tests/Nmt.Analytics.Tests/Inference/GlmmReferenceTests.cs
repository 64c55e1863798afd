using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Glmm;
using static Nmt.Analytics.Tests.Models.ReferenceAssert;

namespace Nmt.Analytics.Tests.Inference;

/// <summary>
/// GLMM against lme4 1.1-31 <c>glmer</c>: cbpp (one 0/1 row per animal; Laplace and nAGQ = 9) and grouseticks
/// (Poisson, random intercept) — estimates, lme4 summary SEs, θ, logLik, AIC, BIC.
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
        var fit = GeneralizedLinearMixedModel.Fit(frame, new GlmmOptions { Family = family, Nagq = c.GetProperty("nagq").GetInt32() });
        Assert.Equal(c.GetProperty("term").EnumerateArray().Select(t => t.GetString()), fit.FixedEffects.Select(e => e.Term));
        Close(Number(c, "log_likelihood"), fit.LogLikelihood, 1e-5, name + " logLik");
        Close(Number(c, "aic"), fit.Aic, 1e-5, name + " AIC");
        Close(Number(c, "bic"), fit.Bic, 1e-5, name + " BIC");
        Close(Numbers(c, "estimate"), fit.FixedEffects.Select(e => e.Estimate).ToArray(), 2e-3, name + " estimate");
        // lme4's Hessian is a plain central difference (deriv12, step 1e-4) at bobyqa's stopping point, which has a
        // slightly lower logLik than ours: SEs agree to ~1.2 % only. A known gap, not yet explained.
        Close(Numbers(c, "std_error"), fit.FixedEffects.Select(e => e.StdError).ToArray(), 1.5e-2, name + " se");
        Close(Numbers(c, "variance"), fit.VarianceComponents.Select(v => v.Variance).ToArray(), 5e-3, name + " variance");
        Assert.True(fit.Converged, string.Join("; ", fit.Warnings));
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
