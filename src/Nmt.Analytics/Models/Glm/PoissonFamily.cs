using MathNet.Numerics;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Glm;

/// <summary>Poisson family for counts, as R's <c>poisson()</c>.</summary>
public sealed class PoissonFamily : GlmFamily
{
    /// <inheritdoc/>
    public override string Name => "poisson";

    /// <inheritdoc/>
    public override GlmLink DefaultLink => GlmLink.Log;

    /// <inheritdoc/>
    public override double Variance(double mu) => mu;

    /// <summary>2[y log(y/μ) − (y − μ)], and 2μ at y = 0.</summary>
    public override double UnitDeviance(double y, double mu) => 2 * (y > 0 ? y * Math.Log(y / mu) - (y - mu) : mu);

    /// <summary>−2 Σ log dpois(y, μ).</summary>
    public override double Aic(IList<double> y, IList<double> mu, double deviance)
    {
        var logLik = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            logLik += (y[i] > 0 ? y[i] * Math.Log(mu[i]) : 0) - mu[i] - SpecialFunctions.GammaLn(y[i] + 1);
        }
        return -2 * logLik;
    }

    /// <inheritdoc/>
    public override double Start(double y) => y + 0.1;

    /// <inheritdoc/>
    public override bool ValidMu(double mu) => double.IsFinite(mu) && mu > 0;

    /// <inheritdoc/>
    public override string? BoundaryWarning(IList<double> mu) =>
        mu.Any(m => m < BoundaryEpsilon) ? "fitted rates numerically 0 occurred" : null;

    /// <inheritdoc/>
    public override void Validate(ModelFrame frame)
    {
        RequireNumericResponse(frame, Name);
        if (frame.Y.FirstOrDefault(v => v < 0 || v != Math.Floor(v), 0) is var bad && bad != 0)
        {
            throw new NmtInputException($"the poisson family needs counts (whole numbers >= 0); '{frame.ResponseName}' has {bad}.");
        }
    }
}
