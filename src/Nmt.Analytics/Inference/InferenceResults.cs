using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Results;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Inference;

/// <summary>Marginal means, pairwise contrasts and an ANOVA table computed for one fit, as requested.</summary>
public sealed class InferenceResults
{
    /// <summary>The marginal means, when asked for.</summary>
    public MarginalMeans? Means { get; private init; }

    /// <summary>The pairwise contrasts, when asked for.</summary>
    public PairwiseContrasts? Contrasts { get; private init; }

    /// <summary>The ANOVA table, when asked for.</summary>
    public AnovaTable? Anova { get; private init; }

    /// <summary>Computes what <paramref name="request"/> asks for on <paramref name="source"/>'s model.</summary>
    /// <exception cref="NmtInputException">Inconsistent options (pairwise without a term), bad terms or types.</exception>
    public static InferenceResults Compute(IInferenceSource source, ColumnTable table, InferenceRequest request, double level = 0.95, ModelFrameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Emmeans is null && (request.Pairwise || request.Adjust is not null))
        {
            throw new NmtInputException("--pairwise and --adjust compare marginal means: add --emmeans TERM (e.g. --emmeans region).");
        }
        if (request.Adjust is not null && !request.Pairwise)
        {
            throw new NmtInputException("--adjust applies to --pairwise comparisons; add --pairwise.");
        }
        var means = request.Emmeans is null ? null : MarginalMeans.Compute(source, table, request.Emmeans, level, options);
        var adjust = request.Adjust is null ? AdjustmentMethod.Tukey : MultiplicityAdjustment.Parse(request.Adjust);
        return new InferenceResults
        {
            Means = means,
            Contrasts = request.Pairwise ? PairwiseContrasts.Compute(source, means!, adjust) : null,
            Anova = request.Anova is { } type ? AnovaTable.Compute(source, table, type, options) : null,
        };
    }

    /// <summary>Adds <c>emmeans</c>, <c>contrasts</c> + <c>adjust</c> and <c>anova</c> to a fit's JSON (the inference contract).</summary>
    public void AddTo(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Means is not null)
        {
            json["emmeans"] = Means.Tidy().ToJsonArray();
        }
        if (Contrasts is not null)
        {
            json["contrasts"] = Contrasts.Tidy().ToJsonArray();
            json["adjust"] = MultiplicityAdjustment.Name(Contrasts.Adjust);
        }
        if (Anova is not null)
        {
            json["anova"] = Anova.Tidy().ToJsonArray();
        }
    }

    /// <summary>The tidy tables, in the order means, contrasts, ANOVA.</summary>
    public IEnumerable<ResultTable> Tables()
    {
        if (Means is not null)
        {
            yield return Means.Tidy();
        }
        if (Contrasts is not null)
        {
            yield return Contrasts.Tidy();
        }
        if (Anova is not null)
        {
            yield return Anova.Tidy();
        }
    }
}
