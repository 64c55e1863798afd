using MathNet.Numerics.Distributions;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Likelihood-ratio test between two nested linear mixed models, following lme4's <c>anova(small, large)</c>:
/// REML fits are refitted by maximum likelihood first (REML likelihoods of models with different fixed effects are
/// not comparable), then χ² = 2 (ℓ_large − ℓ_small) on the difference in parameter counts. Nesting is the caller's
/// responsibility, as in R; the models must be fitted to the same rows.
/// </summary>
public static class LikelihoodRatioTest
{
    /// <summary>Compares a smaller model with a larger one that contains it.</summary>
    public static LikelihoodRatioResult Compare(LmmFit small, LmmFit large)
    {
        ArgumentNullException.ThrowIfNull(small);
        ArgumentNullException.ThrowIfNull(large);
        if (small.Nobs != large.Nobs)
        {
            throw new NmtInputException($"The two models use different rows ({small.Nobs} and {large.Nobs} observations); a likelihood-ratio test needs both fitted to the same data.");
        }
        var s = AsMl(small);
        var l = AsMl(large);
        var df = l.ParameterCount - s.ParameterCount;
        if (df <= 0)
        {
            throw new NmtInputException("The second model must have more parameters than the first (the first must be nested in it).");
        }
        var chi = Math.Max(0, 2 * (l.LogLikelihood - s.LogLikelihood));
        return new LikelihoodRatioResult(s.LogLikelihood, l.LogLikelihood, s.Aic, l.Aic, s.Bic, l.Bic, chi, df, 1 - ChiSquared.CDF(df, chi), small.Reml || large.Reml);
    }

    private static LmmFit AsMl(LmmFit fit) =>
        fit.Reml ? LinearMixedModel.Fit(fit.Frame, fit.Options with { Reml = false, Satterthwaite = false }) : fit;
}
