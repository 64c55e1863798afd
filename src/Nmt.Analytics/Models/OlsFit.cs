using System.Text.Json.Nodes;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>
/// A fitted linear model (R's <c>lm</c> + <c>summary.lm</c>, with optional HC1/HC3/CR1 covariance).
/// Aliased coefficients are kept with NaN estimates, as R shows <c>NA</c>.
/// </summary>
public sealed class OlsFit : IModelFit
{
    /// <inheritdoc/>
    public string Model => "ols";

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

    /// <inheritdoc/>
    public required int ObservationCount { get; init; }

    /// <summary>Number of observations (old name of <see cref="ObservationCount"/>).</summary>
    [Obsolete("Use ObservationCount; Count will be removed in the next release.")]
    public int Count => ObservationCount;

    /// <summary>Rank of the design (number of estimated coefficients).</summary>
    public required int Rank { get; init; }

    /// <summary>Residual degrees of freedom n − rank.</summary>
    public int DfResidual => ObservationCount - Rank;

    /// <summary>Number of clusters (CR1 only).</summary>
    public int? ClusterCount { get; init; }

    /// <summary>Name of the cluster variable (CR1 only).</summary>
    public string? ClusterName { get; init; }

    /// <summary>Confidence level of the intervals.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Source line of each row used.</summary>
    public IReadOnlyList<long> UsedLines { get; init; } = [];

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
    public double Bic => -2 * LogLikelihood + Math.Log(ObservationCount) * (Rank + 1);

    /// <summary>Rows left out, with reasons.</summary>
    public required IReadOnlyList<RowExclusion> Exclusions { get; init; }

    /// <summary>Notes: exclusions, aliased columns, covariance type.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Residual variance σ̂².</summary>
    public double ResidualVariance => Sigma * Sigma;

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

    /// <summary>One-row model summary (broom's <c>glance(lm)</c>; <c>nobs</c> is the old name of <c>n_obs</c>).</summary>
    public ResultTable Glance()
    {
        var table = new ResultTable("Model fit", "r_squared", "adj_r_squared", "sigma", OutputNames.Statistic, OutputNames.PValue, OutputNames.Df,
            OutputNames.LogLik, OutputNames.Aic, OutputNames.Bic, OutputNames.Deviance, OutputNames.DfResidual, "nobs", OutputNames.NObs);
        table.AddRow(RSquared, AdjustedRSquared, Sigma, FStatistic, FPValue, (int)FDfNumerator, LogLikelihood, Aic, Bic, ResidualSumOfSquares, DfResidual, ObservationCount, ObservationCount);
        return table;
    }

    /// <summary>Per row: observed, fitted, residual and leverage (broom's <c>augment(lm)</c>).</summary>
    public ResultTable Augment() => Augmentation.Table(UsedLines, Fitted + Residuals, Fitted, ("leverage", (IList<double>)Leverage));

    /// <inheritdoc/>
    public IReadOnlyList<ResultTable> Tables() => [Tidy(), Glance()];

    /// <summary>The fit JSON: the shared header, covariance type, R², F test and likelihood.</summary>
    public JsonObject ToJson()
    {
        var json = FitJson.Header(this);
        json["covariance"] = CovarianceType.ToString();
        if (ClusterCount is { } clusters)
        {
            json["n_clusters"] = new JsonObject { [ClusterName ?? "cluster"] = clusters };
        }
        json["r_squared"] = ResultJson.Number(RSquared);
        json["adj_r_squared"] = ResultJson.Number(AdjustedRSquared);
        json["sigma"] = ResultJson.Number(Sigma);
        json["residual_variance"] = ResultJson.Number(ResidualVariance);
        json["f_statistic"] = ResultJson.Number(FStatistic);
        json["f_p_value"] = ResultJson.Number(FPValue);
        json[OutputNames.DfResidual] = DfResidual;
        FitJson.AddLikelihood(json, LogLikelihood, Aic, Bic);
        json[OutputNames.Notes] = ResultJson.Strings(Notes);
        return json;
    }
}
