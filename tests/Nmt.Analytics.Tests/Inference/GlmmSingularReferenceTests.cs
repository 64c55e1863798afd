using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Glmm;
using static Nmt.Analytics.Tests.Models.ReferenceAssert;

namespace Nmt.Analytics.Tests.Inference;

/// <summary>
/// Singular (boundary) GLMM fits against lme4 1.1-31 <c>glmer</c> on datasets::mtcars, where every random-effect
/// variance is estimated as 0: the fixed-effect SEs come from RX, (X'WX − RZX'RZX)⁻¹ at the optimum, compared with
/// <c>vcov(m, use.hessian = FALSE)</c>; glmer's summary SEs (its finite-difference Hessian, which at θ = 0 agrees with
/// RX because the deviance is even in θ) are within 1e-4 of them. One scalar random intercept (the group-by-group
/// evaluator) and one correlated random slope (the general evaluator).
/// </summary>
public class GlmmSingularReferenceTests
{
    private static readonly Formulas.ReferenceCases Cases = new("Inference", "glmm_singular_reference.json");

    public static TheoryData<string> Names => Cases.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void Singular_glmm_uses_the_rx_covariance_as_glmer(string name)
    {
        var c = Cases.Named(name);
        var table = InferenceCases.Load(c.GetProperty("data").GetString()!);
        var frame = ModelFrameBuilder.Build(c.GetProperty("formula").GetString()!, table);
        var fit = GeneralizedLinearMixedModel.Fit(frame);
        Assert.Equal(c.GetProperty("term").EnumerateArray().Select(t => t.GetString()), fit.FixedEffects.Select(e => e.Term));
        Assert.Contains(fit.Warnings, w => w.StartsWith("boundary (singular) fit", StringComparison.Ordinal));
        Assert.All(fit.VarianceComponents, v => Assert.True(v.Variance < 1e-8, $"{v.Term} variance {v.Variance}"));
        Close(Number(c, "log_likelihood"), fit.LogLikelihood, 1e-8, name + " logLik");
        Close(Numbers(c, "estimate"), fit.FixedEffects.Select(e => e.Estimate).ToArray(), 1e-5, name + " estimate");
        var se = fit.FixedEffects.Select(e => e.StdError).ToArray();
        Close(Numbers(c, "std_error_rx"), se, 1e-5, name + " se (RX)");
        Close(Numbers(c, "std_error"), se, 1e-4, name + " se (glmer summary)");
    }
}
