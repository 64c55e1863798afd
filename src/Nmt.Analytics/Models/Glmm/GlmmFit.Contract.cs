using System.Text.Json.Nodes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>The model contract (<see cref="IModelFit"/>) of a generalized linear mixed model: the fit JSON with family, link, z tests and random effects.</summary>
public sealed partial class GlmmFit : IModelFit
{
    /// <inheritdoc/>
    string IModelFit.Model => "glmm";

    /// <inheritdoc/>
    public string Formula => Frame.Formula;

    /// <inheritdoc/>
    public int ObservationCount => Frame.Count;

    /// <inheritdoc/>
    IReadOnlyList<TermEstimate> IModelFit.Coefficients => FixedEffects;

    /// <inheritdoc/>
    IReadOnlyList<string> IModelFit.Notes => Warnings;

    /// <summary>Per row: source line, observed response, the population-level linear predictor Xβ̂ and its mean on the response scale.</summary>
    public ResultTable Augment()
    {
        var beta = FixedEffects.Select(f => double.IsNaN(f.Estimate) ? 0 : f.Estimate).ToArray();
        var table = new ResultTable("Augmented data", "row", "observed", "fixed_linear_predictor", "fixed_fitted");
        for (var i = 0; i < Frame.Count; i++)
        {
            var eta = 0.0;
            for (var j = 0; j < beta.Length; j++)
            {
                eta += Frame.X[i, j] * beta[j];
            }
            table.AddRow(Frame.UsedLines.Count > i ? Frame.UsedLines[i] : i + 2L, Frame.Y[i], eta, Family.Mean(eta));
        }
        return table;
    }

    /// <inheritdoc/>
    public IReadOnlyList<ResultTable> Tables() => [Tidy(), RandomEffects(), Glance()];

    /// <inheritdoc/>
    public JsonObject ToJson()
    {
        var (family, link) = Family.Names();
        return new JsonObject
        {
            ["model"] = "glmm",
            ["formula"] = Formula,
            ["family"] = family,
            ["link"] = link,
            ["nagq"] = Nagq,
            ["n_obs"] = ObservationCount,
            ["n_groups"] = new JsonObject(NumberOfGroups.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Value))),
            ["fixed_effects"] = TermEstimate.ToTable("", FixedEffects).ToJsonArray(),
            ["random_effects"] = RandomEffects().ToJsonArray(),
            ["correlations"] = new JsonArray([.. RandomCorrelations.Select(c => (JsonNode)new JsonObject
            {
                ["group"] = c.Group,
                ["term1"] = c.Term1,
                ["term2"] = c.Term2,
                ["correlation"] = c.Correlation,
            })]),
            ["log_likelihood"] = LogLikelihood,
            ["aic"] = Aic,
            ["bic"] = Bic,
            ["deviance"] = Deviance,
            ["converged"] = Converged,
            ["warnings"] = new JsonArray([.. Warnings.Select(w => (JsonNode)w)]),
            ["excluded_rows"] = new JsonArray([.. Exclusions.Select(e => (JsonNode)new JsonObject { ["row"] = e.Line, ["reason"] = e.Reason })]),
        };
    }
}
