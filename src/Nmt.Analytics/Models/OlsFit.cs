using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>
/// A fitted linear model (R's <c>lm</c> + <c>summary.lm</c>, with optional HC1/HC3/CR1 covariance).
/// Aliased coefficients are kept with NaN estimates, as R shows <c>NA</c>.
/// </summary>
public sealed class OlsFit
{
    /// <summary>The formula as given.</summary>
    public required string Formula { get; init; }

    /// <summary>Coefficient estimates and inference, one per design column (NaN when aliased).</summary>
    public required IReadOnlyList<TermEstimate> Coefficients { get; init; }

    /// <summary>True for each design column R would report as <c>NA</c> (linearly dependent on earlier columns).</summary>
    public required IReadOnlyList<bool> Aliased { get; init; }

    /// <summary>Coefficient covariance of the non-aliased coefficients (rows/columns in design order, aliased omitted).</summary>
    public required Matrix<double> Covariance { get; init; }

    /// <summary>The covariance estimator used.</summary>
    public required CovarianceType CovarianceType { get; init; }

    /// <summary>Number of observations.</summary>
    public required int Count { get; init; }

    /// <summary>Rank of the design (number of estimated coefficients).</summary>
    public required int Rank { get; init; }

    /// <summary>Residual degrees of freedom n − rank.</summary>
    public int DfResidual => Count - Rank;

    /// <summary>Number of clusters (CR1 only).</summary>
    public int? ClusterCount { get; init; }

    /// <summary>Residuals y − ŷ.</summary>
    public required Vector<double> Residuals { get; init; }

    /// <summary>Fitted values ŷ.</summary>
    public required Vector<double> Fitted { get; init; }

    /// <summary>Leverages hᵢ (diagonal of the hat matrix).</summary>
    public required Vector<double> Leverage { get; init; }

    /// <summary>R².</summary>
    public required double RSquared { get; init; }

    /// <summary>Adjusted R².</summary>
    public required double AdjustedRSquared { get; init; }

    /// <summary>Residual standard error σ̂ = √(RSS/(n − rank)).</summary>
    public required double Sigma { get; init; }

    /// <summary>Overall F statistic (classical, as <c>summary.lm</c>); NaN for an intercept-only model.</summary>
    public required double FStatistic { get; init; }

    /// <summary>Numerator df of F.</summary>
    public required double FDfNumerator { get; init; }

    /// <summary>p-value of F.</summary>
    public required double FPValue { get; init; }

    /// <summary>Residual sum of squares (R's <c>deviance(lm)</c>).</summary>
    public required double ResidualSumOfSquares { get; init; }

    /// <summary>Gaussian log-likelihood (R's <c>logLik.lm</c>).</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>AIC with df = rank + 1.</summary>
    public double Aic => -2 * LogLikelihood + 2 * (Rank + 1);

    /// <summary>BIC with df = rank + 1.</summary>
    public double Bic => -2 * LogLikelihood + Math.Log(Count) * (Rank + 1);

    /// <summary>Rows left out, with reasons.</summary>
    public required IReadOnlyList<RowExclusion> Exclusions { get; init; }

    /// <summary>Notes: exclusions, aliased columns, covariance type.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The tidy coefficient table (broom's <c>tidy(lm)</c> with confidence intervals).</summary>
    public ResultTable Tidy()
    {
        var table = TermEstimate.ToTable("Coefficients", Coefficients);
        foreach (var note in Notes)
        {
            table.AddNote(note);
        }
        return table;
    }

    /// <summary>One-row model summary (broom's <c>glance(lm)</c>).</summary>
    public ResultTable Glance()
    {
        var table = new ResultTable("Model fit", "r_squared", "adj_r_squared", "sigma", "statistic", "p_value", "df", "log_lik", "aic", "bic", "deviance", "df_residual", "nobs");
        table.AddRow(RSquared, AdjustedRSquared, Sigma, FStatistic, FPValue, (int)FDfNumerator, LogLikelihood, Aic, Bic, ResidualSumOfSquares, DfResidual, Count);
        return table;
    }
}
