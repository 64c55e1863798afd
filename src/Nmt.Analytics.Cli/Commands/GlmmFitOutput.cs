using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Inference;
using Nmt.Analytics.Models.Glmm;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt fit --model glmm</c>: the generalized linear mixed model in the fit JSON shape (family, link, z tests, random effects).</summary>
internal static class GlmmFitOutput
{
    public static FitOutput Fit(ColumnTable table, FitRequest request)
    {
        if (request.Cluster is not null || request.Robust is not null)
        {
            throw new NmtInputException("--cluster and --robust apply to --model ols only; a mixed model accounts for clustering through its random effects.");
        }
        var frame = ModelFrameBuilder.Build(request.Formula, table);
        var family = request.Family == "poisson" ? GlmmFamily.Poisson : GlmmFamily.Binomial;
        var fit = GeneralizedLinearMixedModel.Fit(frame, new GlmmOptions { Family = family, Nagq = request.Nagq, ConfidenceLevel = request.Level }, table.SourceLines);
        var (familyName, link) = family == GlmmFamily.Poisson ? ("poisson", LinkFunction.Log) : ("binomial", LinkFunction.Logit);
        var json = new JsonObject
        {
            ["model"] = "glmm",
            ["formula"] = request.Formula,
            ["family"] = familyName,
            ["link"] = link.Name,
            ["nagq"] = fit.Nagq,
            ["n_obs"] = frame.Count,
            ["n_groups"] = new JsonObject(fit.NumberOfGroups.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Value))),
            ["fixed_effects"] = TermEstimate.ToTable("", fit.FixedEffects).ToJsonArray(),
            ["random_effects"] = fit.RandomEffects().ToJsonArray(),
            ["correlations"] = new JsonArray(fit.RandomCorrelations.Select(c => (JsonNode)new JsonObject
            {
                ["group"] = c.Group,
                ["term1"] = c.Term1,
                ["term2"] = c.Term2,
                ["correlation"] = c.Correlation,
            }).ToArray()),
            ["log_likelihood"] = fit.LogLikelihood,
            ["aic"] = fit.Aic,
            ["bic"] = fit.Bic,
            ["deviance"] = fit.Deviance,
            ["converged"] = fit.Converged,
            ["warnings"] = new JsonArray(fit.Warnings.Select(w => (JsonNode)w).ToArray()),
            ["excluded_rows"] = new JsonArray(frame.Exclusions.Select(e => (JsonNode)new JsonObject { ["row"] = e.Line, ["reason"] = e.Reason }).ToArray()),
        };
        return new FitOutput(json, [fit.Tidy(), fit.RandomEffects(), fit.Glance()])
        {
            Source = FixedEffectsSource.Asymptotic("glmm", frame, fit.FixedEffects, fit.FixedCovariance, link),
        };
    }
}
