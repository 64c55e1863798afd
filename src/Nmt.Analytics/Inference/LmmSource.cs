using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Inference;

/// <summary>
/// An <see cref="IInferenceSource"/> over a linear mixed model: Satterthwaite df for every l'β̂, as emmeans computes
/// them with <c>lmer.df = "satterthwaite"</c> and lmerTest's <c>contest</c> (the variance-parameter derivatives are
/// computed once, on first use).
/// </summary>
public sealed class LmmSource : IInferenceSource
{
    private readonly Lazy<SatterthwaiteContrasts> _satterthwaite;

    /// <summary>Wraps a fitted LMM.</summary>
    public LmmSource(LmmFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        Frame = fit.Frame;
        Coefficients = Vector<double>.Build.DenseOfEnumerable(fit.FixedEffects.Select(e => e.Estimate));
        Covariance = fit.FixedCovariance;
        _satterthwaite = new Lazy<SatterthwaiteContrasts>(() => SatterthwaiteContrasts.For(fit));
    }

    /// <inheritdoc/>
    public string Model => "lmm";

    /// <inheritdoc/>
    public ModelFrame Frame { get; }

    /// <inheritdoc/>
    public Vector<double> Coefficients { get; }

    /// <inheritdoc/>
    public Matrix<double> Covariance { get; }

    /// <inheritdoc/>
    public DfMethod DfMethod => DfMethod.Satterthwaite;

    /// <inheritdoc/>
    public LinkFunction Link => LinkFunction.Identity;

    /// <inheritdoc/>
    public double Df(Vector<double> l) => _satterthwaite.Value.Df(l);
}
