using System.Text.Json.Nodes;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models.Glm;

/// <summary>
/// A fitted generalized linear model (R's <c>glm</c> + <c>summary.glm</c>): coefficients with Wald tests, deviances,
/// information criteria as R's <c>logLik.glm</c>/<c>AIC</c>, and convergence checked, never assumed.
/// </summary>
public sealed class GlmFit : IModelFit
{
    /// <inheritdoc/>
    public required string Model { get; init; }

    /// <inheritdoc/>
    public required string Formula { get; init; }

    /// <summary>The distribution.</summary>
    public required GlmFamily Family { get; init; }

    /// <summary>The link.</summary>
    public required GlmLink Link { get; init; }

    /// <summary>Coefficients on the link scale (NaN when aliased); z tests, or t tests with the residual df when the dispersion is estimated.</summary>
    public required IReadOnlyList<TermEstimate> Coefficients { get; init; }

    /// <summary>True for each design column R would report as <c>NA</c>.</summary>
    public required IReadOnlyList<bool> Aliased { get; init; }

    /// <summary>Covariance φ·(XᵀWX)⁻¹ of the non-aliased coefficients.</summary>
    public required Matrix<double> Covariance { get; init; }

    /// <summary>The dispersion φ: 1 for binomial and poisson, the Pearson estimate for gaussian.</summary>
    public required double Dispersion { get; init; }

    /// <inheritdoc/>
    public required int ObservationCount { get; init; }

    /// <summary>Number of estimated coefficients.</summary>
    public required int Rank { get; init; }

    /// <summary>Residual deviance.</summary>
    public required double Deviance { get; init; }

    /// <summary>Deviance of the null model (intercept only, or μ = g⁻¹(0) without an intercept).</summary>
    public required double NullDeviance { get; init; }

    /// <summary>Residual df n − rank.</summary>
    public int DfResidual => ObservationCount - Rank;

    /// <summary>Null df n − 1 with an intercept, else n.</summary>
    public required int DfNull { get; init; }

    /// <summary>Log-likelihood (R's <c>logLik.glm</c>).</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>Parameters counted by <c>logLik</c>: rank, plus one for an estimated dispersion.</summary>
    public int ParameterCount => Rank + Family.ExtraParameters;

    /// <summary>AIC = −2 logL + 2·df.</summary>
    public double Aic => -2 * LogLikelihood + 2 * ParameterCount;

    /// <summary>BIC = −2 logL + log(n)·df.</summary>
    public double Bic => -2 * LogLikelihood + Math.Log(ObservationCount) * ParameterCount;

    /// <summary>IRLS iterations used (R's <c>iter</c>).</summary>
    public required int Iterations { get; init; }

    /// <summary>True when the deviance converged within the iteration limit.</summary>
    public required bool Converged { get; init; }

    /// <summary>True when a binomial fit shows signs of complete or quasi-complete separation.</summary>
    public required bool SeparationSuspected { get; init; }

    /// <summary>The response y of the rows used.</summary>
    public required Vector<double> Response { get; init; }

    /// <summary>Fitted means μ̂ (probabilities for binomial, rates for poisson).</summary>
    public required Vector<double> Fitted { get; init; }

    /// <summary>Linear predictor η̂ = Xβ̂.</summary>
    public required Vector<double> LinearPredictor { get; init; }

    /// <summary>Source line of each row used.</summary>
    public required IReadOnlyList<long> UsedLines { get; init; }

    /// <summary>Confidence level of the intervals.</summary>
    public required double Confidence { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<RowExclusion> Exclusions { get; init; }

    /// <inheritdoc/>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>exp(β) with the interval exp(β ± q·SE): odds ratios under the logit link, rate ratios under the log link.</summary>
    public IReadOnlyList<TermEstimate> Exponentiated =>
        Coefficients.Select(c => c with { Estimate = Math.Exp(c.Estimate), CiLow = Math.Exp(c.CiLow), CiHigh = Math.Exp(c.CiHigh) }).ToList();

    /// <summary>The name of <see cref="Exponentiated"/> in output: <c>odds_ratios</c> (logit), <c>rate_ratios</c> (log), or null when exp(β) has no ratio meaning.</summary>
    public string? ExponentiatedName => Link.Name switch
    {
        "logit" => "odds_ratios",
        "log" => "rate_ratios",
        _ => null,
    };

    /// <summary>Deviance residuals sign(y − μ)·√d(y, μ) (R's default <c>residuals.glm</c>).</summary>
    public double[] DevianceResiduals() =>
        Enumerable.Range(0, Response.Count).Select(i => Math.Sign(Response[i] - Fitted[i]) * Math.Sqrt(Math.Max(Family.UnitDeviance(Response[i], Fitted[i]), 0))).ToArray();

    /// <summary>The tidy coefficient table (broom's <c>tidy(glm, conf.int = TRUE, exponentiate)</c> with Wald intervals).</summary>
    /// <param name="exponentiate">When true, estimates and limits are exp(β) (std_error and statistic stay on the link scale).</param>
    public ResultTable Tidy(bool exponentiate)
    {
        var title = exponentiate ? Title(ExponentiatedName ?? "exp(estimate)") : $"Coefficients ({Family.Name}, {Link.Name} link)";
        var table = TermEstimate.ToTable(title, exponentiate ? Exponentiated : Coefficients);
        foreach (var note in Notes)
        {
            table.AddNote(note);
        }
        return table;
    }

    /// <inheritdoc/>
    public ResultTable Tidy() => Tidy(exponentiate: false);

    /// <summary>One-row model summary (broom's <c>glance(glm)</c> plus family, link, dispersion, iterations and convergence).</summary>
    public ResultTable Glance()
    {
        var table = new ResultTable("Model fit", "family", "link", "null_deviance", "df_null", OutputNames.LogLik, OutputNames.Aic, OutputNames.Bic,
            OutputNames.Deviance, OutputNames.DfResidual, OutputNames.NObs, "dispersion", "iterations", OutputNames.Converged, "nobs");
        table.AddRow(Family.Name, Link.Name, NullDeviance, DfNull, LogLikelihood, Aic, Bic, Deviance, DfResidual, ObservationCount, Dispersion, Iterations, Converged, ObservationCount);
        return table;
    }

    /// <summary>Per row: observed, fitted mean, response residual, linear predictor and deviance residual.</summary>
    public ResultTable Augment() =>
        Augmentation.Table(UsedLines, Response, Fitted, ("linear_predictor", (IList<double>)LinearPredictor), ("deviance_residual", DevianceResiduals()));

    /// <inheritdoc/>
    public IReadOnlyList<ResultTable> Tables() => ExponentiatedName is null ? [Tidy(), Glance()] : [Tidy(), Tidy(exponentiate: true), Glance()];

    /// <summary>The fit JSON: the shared header, <c>family</c>, <c>link</c>, deviances, dispersion, convergence and notes.</summary>
    public JsonObject ToJson()
    {
        var json = FitJson.Header(this);
        json["family"] = Family.Name;
        json["link"] = Link.Name;
        if (ExponentiatedName is { } name)
        {
            json[name] = TermEstimate.ToTable("", Exponentiated).ToJsonArray();
        }
        json[OutputNames.Deviance] = ResultJson.Number(Deviance);
        json["null_deviance"] = ResultJson.Number(NullDeviance);
        json[OutputNames.DfResidual] = DfResidual;
        json["df_null"] = DfNull;
        json["dispersion"] = ResultJson.Number(Dispersion);
        FitJson.AddLikelihood(json, LogLikelihood, Aic, Bic);
        json[OutputNames.Converged] = Converged;
        json["iterations"] = Iterations;
        if (Family is BinomialFamily)
        {
            json["separation_suspected"] = SeparationSuspected;
        }
        json[OutputNames.Notes] = ResultJson.Strings(Notes);
        return json;
    }

    private static string Title(string snake) => char.ToUpperInvariant(snake[0]) + snake[1..].Replace('_', ' ');
}
