using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>A fitted generalized linear mixed model (lme4 <c>glmer</c> semantics: Laplace or adaptive Gauss–Hermite).</summary>
public sealed partial class GlmmFit
{
    /// <summary>The model frame.</summary>
    public required ModelFrame Frame { get; init; }

    /// <summary>The family.</summary>
    public required GlmmFamily Family { get; init; }

    /// <summary>Quadrature points (1 = Laplace).</summary>
    public required int Nagq { get; init; }

    /// <summary>Fixed effects with z tests (SEs from the Hessian of the deviance over θ and β together, as lme4's summary).</summary>
    public required IReadOnlyList<TermEstimate> FixedEffects { get; init; }

    /// <summary>Covariance of the fixed effects.</summary>
    public required Matrix<double> FixedCovariance { get; init; }

    /// <summary>Random-effect variances and standard deviations.</summary>
    public required IReadOnlyList<VarianceComponent> VarianceComponents { get; init; }

    /// <summary>Random-effect correlations.</summary>
    public required IReadOnlyList<RandomEffectCorrelation> RandomCorrelations { get; init; }

    /// <summary>θ (lower triangle of the relative covariance factor, column-major).</summary>
    public required IReadOnlyList<double> Theta { get; init; }

    /// <summary>Number of groups per grouping factor.</summary>
    public required IReadOnlyDictionary<string, int> NumberOfGroups { get; init; }

    /// <summary>log-likelihood (Laplace/AGQ approximation).</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>−2 logLik (the contract's GLMM deviance).</summary>
    public double Deviance => -2 * LogLikelihood;

    /// <summary>Number of parameters: fixed effects + θ.</summary>
    public int ParameterCount => FixedEffects.Count + Theta.Count;

    /// <summary>AIC.</summary>
    public double Aic => Deviance + (2.0 * ParameterCount);

    /// <summary>BIC.</summary>
    public double Bic => Deviance + (Math.Log(Frame.Count) * ParameterCount);

    /// <summary>True when the optimiser stopped with a small gradient and the Hessian is positive definite.</summary>
    public required bool Converged { get; init; }

    /// <summary>Largest absolute gradient component of the deviance at the optimum (lme4's check.conv.grad quantity, unscaled).</summary>
    public required double MaxGradient { get; init; }

    /// <summary>Warnings (convergence, singular fit).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Rows left out.</summary>
    public IReadOnlyList<RowExclusion> Exclusions => Frame.Exclusions;

    /// <summary>Tidy fixed effects (link scale, z tests).</summary>
    public ResultTable Tidy()
    {
        var table = TermEstimate.ToTable("Fixed effects", FixedEffects);
        foreach (var w in Warnings)
        {
            table.AddNote(w);
        }
        return table;
    }

    /// <summary>Variance components.</summary>
    public ResultTable RandomEffects()
    {
        var table = new ResultTable("Random effects", "group", "term", "variance", "std_dev");
        foreach (var c in VarianceComponents)
        {
            table.AddRow(c.Group, c.Term, c.Variance, c.StdDev);
        }
        return table;
    }

    /// <summary>Model summary.</summary>
    public ResultTable Glance()
    {
        var (family, link) = Family.Names();
        var table = new ResultTable("Model fit", "family", "link", "nagq", "log_lik", "aic", "bic", "deviance", "nobs", "converged");
        table.AddRow(family, link, Nagq, LogLikelihood, Aic, Bic, Deviance, Frame.Count, Converged);
        return table;
    }
}
