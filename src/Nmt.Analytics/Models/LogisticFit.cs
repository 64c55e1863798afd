using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>
/// A fitted logistic regression (R's <c>glm(family = binomial)</c> + <c>summary.glm</c>): Wald z tests,
/// odds ratios, deviances and information criteria, with convergence and separation warnings in <see cref="Notes"/>.
/// </summary>
public sealed class LogisticFit
{
    /// <summary>The formula as given.</summary>
    public required string Formula { get; init; }

    /// <summary>Log-odds coefficients with Wald z inference (NaN when aliased).</summary>
    public required IReadOnlyList<TermEstimate> Coefficients { get; init; }

    /// <summary>True for each design column R would report as <c>NA</c>.</summary>
    public required IReadOnlyList<bool> Aliased { get; init; }

    /// <summary>Covariance (XᵀWX)⁻¹ of the non-aliased coefficients.</summary>
    public required Matrix<double> Covariance { get; init; }

    /// <summary>Number of observations.</summary>
    public required int Count { get; init; }

    /// <summary>Number of estimated coefficients.</summary>
    public required int Rank { get; init; }

    /// <summary>Residual deviance.</summary>
    public required double Deviance { get; init; }

    /// <summary>Null deviance (intercept-only model, or p = 1/2 without an intercept).</summary>
    public required double NullDeviance { get; init; }

    /// <summary>Residual df n − rank.</summary>
    public int DfResidual => Count - Rank;

    /// <summary>Null df n − 1 with an intercept, else n.</summary>
    public required int DfNull { get; init; }

    /// <summary>Binomial log-likelihood.</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>AIC = −2 logL + 2 rank.</summary>
    public double Aic => -2 * LogLikelihood + 2 * Rank;

    /// <summary>BIC = −2 logL + log(n) rank.</summary>
    public double Bic => -2 * LogLikelihood + Math.Log(Count) * Rank;

    /// <summary>IRLS iterations used (R's <c>iter</c>).</summary>
    public required int Iterations { get; init; }

    /// <summary>True when the deviance converged within the iteration limit.</summary>
    public required bool Converged { get; init; }

    /// <summary>True when the fit shows signs of complete or quasi-complete separation.</summary>
    public required bool SeparationSuspected { get; init; }

    /// <summary>Fitted probabilities.</summary>
    public required Vector<double> FittedProbabilities { get; init; }

    /// <summary>Confidence level of the intervals.</summary>
    public required double Level { get; init; }

    /// <summary>Rows left out, with reasons.</summary>
    public required IReadOnlyList<RowExclusion> Exclusions { get; init; }

    /// <summary>Notes: exclusions, aliased columns, convergence and separation warnings.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Odds ratios exp(β) with their Wald interval exp(β ± z·SE).</summary>
    public IReadOnlyList<TermEstimate> OddsRatios =>
        Coefficients.Select(c => c with { Estimate = Math.Exp(c.Estimate), CiLow = Math.Exp(c.CiLow), CiHigh = Math.Exp(c.CiHigh) }).ToList();

    /// <summary>The tidy coefficient table (broom's <c>tidy(glm, conf.int = TRUE, exponentiate)</c>, Wald intervals).</summary>
    /// <param name="exponentiate">When true, estimates and limits are odds ratios (std_error and statistic stay on the log-odds scale).</param>
    public ResultTable Tidy(bool exponentiate = false)
    {
        var table = TermEstimate.ToTable(exponentiate ? "Odds ratios" : "Coefficients (log-odds)", exponentiate ? OddsRatios : Coefficients);
        foreach (var note in Notes)
        {
            table.AddNote(note);
        }
        return table;
    }

    /// <summary>One-row model summary (broom's <c>glance(glm)</c> plus iterations and convergence).</summary>
    public ResultTable Glance()
    {
        var table = new ResultTable("Model fit", "null_deviance", "df_null", "log_lik", "aic", "bic", "deviance", "df_residual", "nobs", "iterations", "converged");
        table.AddRow(NullDeviance, DfNull, LogLikelihood, Aic, Bic, Deviance, DfResidual, Count, Iterations, Converged);
        return table;
    }
}
