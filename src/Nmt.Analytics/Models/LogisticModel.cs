using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Glm;

namespace Nmt.Analytics.Models;

/// <summary>Logistic regression: the binomial family with the logit link of <see cref="GeneralizedLinearModel"/> (R's <c>glm(family = binomial)</c>).</summary>
public static class LogisticModel
{
    /// <summary>Fits logit P(y = 1) = Xβ on a model frame with a 0/1 (or two-level categorical) response.</summary>
    /// <param name="frame">The model frame.</param>
    /// <param name="options">Iteration and interval settings; family and link are set to binomial/logit.</param>
    /// <exception cref="NmtInputException">A response other than 0/1, or too few observations.</exception>
    public static GlmFit Fit(ModelFrame frame, GlmOptions? options = null) =>
        GeneralizedLinearModel.Fit(frame, (options ?? new GlmOptions()) with { Family = GlmFamily.Binomial, Link = GlmLink.Logit, ModelName = "logit" });
}
