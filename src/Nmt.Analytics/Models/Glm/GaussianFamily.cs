using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Glm;

/// <summary>Gaussian family, as R's <c>gaussian()</c>: the dispersion σ² is estimated, tests are t with the residual df.</summary>
public sealed class GaussianFamily : GlmFamily
{
    /// <inheritdoc/>
    public override string Name => "gaussian";

    /// <inheritdoc/>
    public override GlmLink DefaultLink => GlmLink.Identity;

    /// <inheritdoc/>
    public override bool EstimatesDispersion => true;

    /// <inheritdoc/>
    public override double Variance(double mu) => 1;

    /// <inheritdoc/>
    public override double UnitDeviance(double y, double mu) => (y - mu) * (y - mu);

    /// <summary>n(log(2π·D/n) + 1) + 2, the maximised normal log-likelihood with σ² = D/n.</summary>
    public override double Aic(IList<double> y, IList<double> mu, double deviance)
    {
        ArgumentNullException.ThrowIfNull(y);
        var n = y.Count;
        return n * (Math.Log(2 * Math.PI * deviance / n) + 1) + 2;
    }

    /// <inheritdoc/>
    public override double Start(double y) => y;

    /// <inheritdoc/>
    public override void Validate(ModelFrame frame) => RequireNumericResponse(frame, Name);
}
