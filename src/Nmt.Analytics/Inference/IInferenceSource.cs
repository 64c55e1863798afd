using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Inference;

/// <summary>
/// What marginal means, contrasts and ANOVA tables need from a fitted model: its frame (formula, rows used, design
/// column names), the fixed-effect estimates and their covariance, the link, and how to get df for a combination l'β̂.
/// </summary>
public interface IInferenceSource
{
    /// <summary>The model kind as the CLI names it (<c>ols</c>, <c>lmm</c>, <c>logit</c>, <c>glmm</c>).</summary>
    string Model { get; }

    /// <summary>The model frame the fit used (formula, used rows, design column names).</summary>
    ModelFrame Frame { get; }

    /// <summary>Fixed-effect estimates, one per design column of <see cref="Frame"/>.</summary>
    Vector<double> Coefficients { get; }

    /// <summary>Their covariance matrix.</summary>
    Matrix<double> Covariance { get; }

    /// <summary>How degrees of freedom are obtained.</summary>
    DfMethod DfMethod { get; }

    /// <summary>The link of the linear predictor (identity for linear models).</summary>
    LinkFunction Link { get; }

    /// <summary>Degrees of freedom of a test of l'β̂ (∞ for z tests).</summary>
    double Df(Vector<double> l);
}
