using MathNet.Numerics;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// The response distributions of <see cref="GeneralizedLinearMixedModel"/> with their canonical links (binomial–logit
/// for 0/1 responses, Poisson–log for counts): mean, GLM weight dμ/dη, and the conditional deviance −2 log p(y | μ)
/// as lme4's family <c>aic()</c> (so logLik matches <c>glmer</c>).
/// </summary>
public enum GlmmFamily
{
    /// <summary>Bernoulli (0/1) responses, logit link.</summary>
    Binomial,

    /// <summary>Counts, log link.</summary>
    Poisson,
}

/// <summary>Per-observation functions of a <see cref="GlmmFamily"/>.</summary>
internal static class GlmmFamilyFunctions
{
    public static double Mean(this GlmmFamily family, double eta) =>
        family == GlmmFamily.Binomial ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta);

    /// <summary>dμ/dη = Var(μ) for a canonical link.</summary>
    public static double Weight(this GlmmFamily family, double mu) => family == GlmmFamily.Binomial ? mu * (1 - mu) : mu;

    /// <summary>−2 log p(y | μ).</summary>
    public static double Deviance(this GlmmFamily family, double y, double eta, double mu)
    {
        if (family == GlmmFamily.Binomial)
        {
            // −2[y η − log(1 + e^η)], stable for large |η|
            var softplus = eta > 0 ? eta + Math.Log(1 + Math.Exp(-eta)) : Math.Log(1 + Math.Exp(eta));
            return -2 * ((y * eta) - softplus);
        }
        return -2 * ((y * eta) - mu - SpecialFunctions.GammaLn(y + 1));
    }

    /// <summary>
    /// The deviance residual 2[log p(y | y) − log p(y | μ)] from η = log-odds or log-mean (R's <c>family$dev.resids</c>):
    /// −2 log p for 0/1 responses, 2[y log(y/μ) − (y − μ)] for counts. lme4's PIRLS convergence test uses its sum.
    /// </summary>
    public static double DevianceResidual(this GlmmFamily family, double y, double eta, double mu)
    {
        if (family == GlmmFamily.Binomial)
        {
            return family.Deviance(y, eta, mu);
        }
        return 2 * ((y > 0 ? y * (Math.Log(y) - eta) : 0) - y + mu);
    }

    /// <summary>
    /// PIRLS's starting linear predictor for response <paramref name="y"/>, as lme4's <c>mkGlmerDevfun</c>: the link of
    /// (y + ½)/2 for binomial, of y + 0.1 for Poisson.
    /// </summary>
    public static double StartingPredictor(this GlmmFamily family, double y) =>
        family == GlmmFamily.Binomial ? Math.Log((y + 0.5) / (1.5 - y)) : Math.Log(y + 0.1);

    /// <summary>R's family and link names.</summary>
    public static (string Family, string Link) Names(this GlmmFamily family) =>
        family == GlmmFamily.Binomial ? ("binomial", "logit") : ("poisson", "log");
}
