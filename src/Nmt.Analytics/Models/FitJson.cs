using System.Text.Json.Nodes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>The parts of the fit JSON (docs/cli.md, "fit") that every model writes the same way.</summary>
public static class FitJson
{
    /// <summary><c>model</c>, <c>formula</c>, <c>n_obs</c>, <c>fixed_effects</c> and <c>excluded_rows</c>.</summary>
    public static JsonObject Header(IModelFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new JsonObject
        {
            ["model"] = fit.Model,
            ["formula"] = fit.Formula,
            [OutputNames.NObs] = fit.ObservationCount,
            ["fixed_effects"] = TermEstimate.ToTable("", fit.Coefficients).ToJsonArray(),
            [OutputNames.ExcludedRows] = ResultJson.Exclusions(fit.Exclusions),
        };
    }

    /// <summary>Adds <c>log_likelihood</c>, <c>aic</c> and <c>bic</c>.</summary>
    public static void AddLikelihood(JsonObject json, double logLikelihood, double aic, double bic)
    {
        ArgumentNullException.ThrowIfNull(json);
        json[OutputNames.LogLikelihood] = ResultJson.Number(logLikelihood);
        json[OutputNames.Aic] = ResultJson.Number(aic);
        json[OutputNames.Bic] = ResultJson.Number(bic);
    }
}
