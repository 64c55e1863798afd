using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>
/// The contract every fitted model honours, in the spirit of R's broom (Robinson, Hayes &amp; Couch, <c>broom</c>):
/// <see cref="Tidy"/> one row per coefficient, <see cref="Glance"/> one row of fit statistics, <see cref="Augment"/> one
/// row per observation used, the rows left out, and the fit JSON of <c>nmt fit</c> (docs/cli.md). Code that presents,
/// compares or post-processes fits (the CLI, reports, marginal means) depends on this interface, not on a model family.
/// </summary>
public interface IModelFit
{
    /// <summary>The model keyword of the fit JSON: <c>ols</c>, <c>glm</c>, <c>logit</c>, <c>lmm</c>, …</summary>
    string Model { get; }

    /// <summary>The formula as given.</summary>
    string Formula { get; }

    /// <summary>Number of observations used (<c>n_obs</c>).</summary>
    int ObservationCount { get; }

    /// <summary>The (fixed-effect) coefficients with their tests and confidence intervals, in design order.</summary>
    IReadOnlyList<TermEstimate> Coefficients { get; }

    /// <summary>Rows left out of the fit, with reasons.</summary>
    IReadOnlyList<RowExclusion> Exclusions { get; }

    /// <summary>Plain-language notes and warnings (exclusions, aliasing, convergence, covariance used).</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>The tidy coefficient table (<see cref="TermEstimate.ColumnNames"/>), notes attached.</summary>
    ResultTable Tidy();

    /// <summary>One row of model-level statistics (<c>n_obs</c>, <c>log_lik</c>, <c>aic</c>, <c>bic</c>, …).</summary>
    ResultTable Glance();

    /// <summary>One row per observation used: <c>row</c> (source line), <c>observed</c>, <c>fitted</c>, <c>residual</c>, and model-specific columns.</summary>
    ResultTable Augment();

    /// <summary>The tables that table and CSV output show, in display order (coefficients first).</summary>
    IReadOnlyList<ResultTable> Tables();

    /// <summary>The fit JSON document (docs/cli.md, "fit").</summary>
    JsonObject ToJson();
}
