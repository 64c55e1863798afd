using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Glm;

/// <summary>Binomial family for a 0/1 (or two-level) response, as R's <c>binomial()</c> with unit weights.</summary>
public sealed class BinomialFamily : GlmFamily
{
    /// <inheritdoc/>
    public override string Name => "binomial";

    /// <inheritdoc/>
    public override GlmLink DefaultLink => GlmLink.Logit;

    /// <inheritdoc/>
    public override double Variance(double mu) => mu * (1 - mu);

    /// <inheritdoc/>
    public override double UnitDeviance(double y, double mu) => 2 * (YLogY(y, mu) + YLogY(1 - y, 1 - mu));

    /// <summary>For 0/1 data the saturated log-likelihood is 0, so −2 log L is the deviance.</summary>
    public override double Aic(IList<double> y, IList<double> mu, double deviance) => deviance;

    /// <inheritdoc/>
    public override double Start(double y) => (y + 0.5) / 2;

    /// <inheritdoc/>
    public override bool ValidMu(double mu) => double.IsFinite(mu) && mu is > 0 and < 1;

    /// <inheritdoc/>
    public override string? BoundaryWarning(IList<double> mu) =>
        mu.Any(m => m > 1 - BoundaryEpsilon || m < BoundaryEpsilon) ? "fitted probabilities numerically 0 or 1 occurred" : null;

    /// <inheritdoc/>
    public override void Validate(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Y.Any(v => v is not (0 or 1)))
        {
            throw new NmtInputException($"the binomial family (logistic regression) needs a 0/1 (or two-level) response; '{frame.ResponseName}' has other values (e.g. {frame.Y.First(v => v is not (0 or 1))}).");
        }
    }

    private static double YLogY(double y, double mu) => y != 0 ? y * Math.Log(y / mu) : 0;
}
