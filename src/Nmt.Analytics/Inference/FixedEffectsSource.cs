using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Inference;

/// <summary>
/// An <see cref="IInferenceSource"/> over coefficient estimates and their covariance with a fixed df rule
/// (residual df for OLS, ∞ for GLMs and GLMMs). Marginal means need a full-rank design: aliased coefficients are refused.
/// </summary>
public sealed class FixedEffectsSource : IInferenceSource
{
    private readonly double _df;

    private FixedEffectsSource(string model, ModelFrame frame, IReadOnlyList<TermEstimate> estimates, Matrix<double> covariance, double df, LinkFunction link)
    {
        var aliased = estimates.Where(e => double.IsNaN(e.Estimate)).Select(e => e.Term).ToList();
        if (aliased.Count > 0)
        {
            throw new NmtInputException($"marginal means, contrasts and ANOVA tables need every coefficient to be estimable; aliased: {string.Join(", ", aliased)}. Remove the redundant terms.");
        }
        Model = model;
        Frame = frame;
        Coefficients = Vector<double>.Build.DenseOfEnumerable(estimates.Select(e => e.Estimate));
        Covariance = covariance;
        _df = df;
        DfMethod = double.IsPositiveInfinity(df) ? DfMethod.Infinite : DfMethod.Residual;
        Link = link;
    }

    /// <inheritdoc/>
    public string Model { get; }

    /// <inheritdoc/>
    public ModelFrame Frame { get; }

    /// <inheritdoc/>
    public Vector<double> Coefficients { get; }

    /// <inheritdoc/>
    public Matrix<double> Covariance { get; }

    /// <inheritdoc/>
    public DfMethod DfMethod { get; }

    /// <inheritdoc/>
    public LinkFunction Link { get; }

    /// <summary>A linear model: t tests with its residual df (as emmeans uses <c>df.residual</c> of an <c>lm</c>).</summary>
    public static FixedEffectsSource FromOls(Models.OlsFit fit, ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new FixedEffectsSource("ols", frame, fit.Coefficients, fit.Covariance, fit.DfResidual, LinkFunction.Identity);
    }

    /// <summary>
    /// A generalized linear model: z tests on the link scale (binomial, poisson), or t with the residual df for the
    /// gaussian family (as emmeans uses <c>df.residual</c> of a <c>glm</c> with estimated dispersion).
    /// </summary>
    public static FixedEffectsSource FromGlm(Models.Glm.GlmFit fit, ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var link = fit.Link.Name switch
        {
            "logit" => LinkFunction.Logit,
            "log" => LinkFunction.Log,
            "identity" => LinkFunction.Identity,
            _ => throw new NmtInputException($"marginal means, contrasts and ANOVA tables support the logit, log and identity links, not {fit.Link.Name}."),
        };
        var df = fit.Family.Name == "gaussian" ? fit.DfResidual : double.PositiveInfinity;
        return new FixedEffectsSource(fit.Model, frame, fit.Coefficients, fit.Covariance, df, link);
    }

    /// <summary>Any model given by estimates and covariance with asymptotic (z) inference on the <paramref name="link"/> scale.</summary>
    public static FixedEffectsSource Asymptotic(string model, ModelFrame frame, IReadOnlyList<TermEstimate> estimates, Matrix<double> covariance, LinkFunction link) =>
        new(model, frame, estimates, covariance, double.PositiveInfinity, link);

    /// <inheritdoc/>
    public double Df(Vector<double> l) => _df;
}
