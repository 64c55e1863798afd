using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Glm;

/// <summary>
/// An exponential-family distribution of a generalized linear model: variance function, unit deviance, starting
/// values and AIC exactly as R's <c>family</c> objects define them, so that <see cref="GeneralizedLinearModel"/> can
/// run R's <c>glm.fit</c> for any of them. A new family is one small subclass (see <see cref="PoissonFamily"/>).
/// </summary>
public abstract class GlmFamily
{
    /// <summary>R's <c>10 * .Machine$double.eps</c>, below which <c>glm.fit</c> warns of fitted values on the boundary.</summary>
    protected const double BoundaryEpsilon = 10 * 2.220446049250313e-16;

    /// <summary>The family's name as R prints it (<c>binomial</c>, <c>poisson</c>, <c>gaussian</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The canonical (default) link.</summary>
    public abstract GlmLink DefaultLink { get; }

    /// <summary>True when the dispersion φ is estimated (gaussian): t tests with the residual df; else φ = 1 and z tests.</summary>
    public virtual bool EstimatesDispersion => false;

    /// <summary>Parameters besides the coefficients counted by <c>logLik</c> (1 for the gaussian variance).</summary>
    public virtual int ExtraParameters => EstimatesDispersion ? 1 : 0;

    /// <summary>Variance function V(μ).</summary>
    public abstract double Variance(double mu);

    /// <summary>Unit deviance d(y, μ), summed over rows to the deviance (R's <c>dev.resids</c> with weight 1).</summary>
    public abstract double UnitDeviance(double y, double mu);

    /// <summary>R's <c>family$aic</c>: −2 log-likelihood (plus 2 for an estimated dispersion), without the 2·rank term.</summary>
    public abstract double Aic(IList<double> y, IList<double> mu, double deviance);

    /// <summary>R's <c>family$initialize</c>: the starting μ for one response value.</summary>
    public abstract double Start(double y);

    /// <summary>R's <c>family$validmu</c>.</summary>
    public virtual bool ValidMu(double mu) => double.IsFinite(mu);

    /// <summary>R's boundary warning after the fit (e.g. fitted probabilities numerically 0 or 1), or null.</summary>
    public virtual string? BoundaryWarning(IList<double> mu) => null;

    /// <summary>Checks that the response suits the family.</summary>
    /// <exception cref="NmtInputException">A response the family cannot model.</exception>
    public abstract void Validate(ModelFrame frame);

    /// <summary>The binomial family (default link logit).</summary>
    public static GlmFamily Binomial { get; } = new BinomialFamily();

    /// <summary>The Poisson family (default link log).</summary>
    public static GlmFamily Poisson { get; } = new PoissonFamily();

    /// <summary>The gaussian family (default link identity).</summary>
    public static GlmFamily Gaussian { get; } = new GaussianFamily();

    /// <summary>The family named <paramref name="name"/> (binomial, poisson, gaussian).</summary>
    /// <exception cref="NmtInputException">An unknown name.</exception>
    public static GlmFamily Parse(string name) => name?.ToLowerInvariant() switch
    {
        "binomial" => Binomial,
        "poisson" => Poisson,
        "gaussian" => Gaussian,
        _ => throw new NmtInputException($"unknown family '{name}'; use binomial, poisson or gaussian."),
    };

    /// <summary>Rejects a categorical response for families that need numbers.</summary>
    protected static void RequireNumericResponse(ModelFrame frame, string family)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.ResponseLevels is not null)
        {
            throw new NmtInputException($"the {family} family needs a numeric response; '{frame.ResponseName}' is categorical ({string.Join("/", frame.ResponseLevels)}).");
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
