using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>The model contract (<see cref="IModelFit"/>) of a linear mixed model, and unambiguous names for its random-effect tables.</summary>
public sealed partial class LmmFit : IModelFit
{
    /// <inheritdoc/>
    string IModelFit.Model => "lmm";

    /// <inheritdoc/>
    string IModelFit.Formula => Frame.Formula;

    /// <inheritdoc/>
    int IModelFit.ObservationCount => Nobs;

    /// <inheritdoc/>
    IReadOnlyList<TermEstimate> IModelFit.Coefficients => FixedEffects;

    /// <inheritdoc/>
    IReadOnlyList<RowExclusion> IModelFit.Exclusions => Frame.Exclusions;

    /// <inheritdoc/>
    IReadOnlyList<string> IModelFit.Notes => Warnings;

    /// <summary>The variance components: one row per random-effect term (group, term, variance, std_dev), then the residual (lme4's <c>VarCorr</c>).</summary>
    public ResultTable VarianceComponentTable()
    {
        var table = new ResultTable("Random effects", "group", OutputNames.Term, "variance", "std_dev");
        foreach (var v in VarianceComponents)
        {
            table.AddRow(v.Group, v.Term, v.Variance, v.StdDev);
        }
        table.AddRow("Residual", "", ResidualVariance, Sigma);
        return table;
    }

    /// <summary>The conditional modes (BLUPs) per group level (group, level, term, estimate, std_error), lme4's <c>ranef(condVar = TRUE)</c>.</summary>
    public ResultTable ConditionalModeTable()
    {
        var table = new ResultTable("Conditional modes", "group", "level", OutputNames.Term, OutputNames.Estimate, OutputNames.StdError);
        foreach (var m in ConditionalModes)
        {
            table.AddRow(m.Group, m.Level, m.Term, m.Estimate, m.StdError);
        }
        return table;
    }

    /// <summary>Per row: observed, fitted Xβ̂ + Zb̂ (lme4's <c>fitted</c>), residual, and the population-level fit Xβ̂ (<c>fixed_fitted</c>).</summary>
    public ResultTable Augment()
    {
        var beta = FixedEffects.ToDictionary(f => f.Term, f => double.IsNaN(f.Estimate) ? 0 : f.Estimate, StringComparer.Ordinal);
        var fixedPart = Enumerable.Range(0, Frame.Count)
            .Select(i => Frame.FixedNames.Select((name, j) => Frame.X[i, j] * beta.GetValueOrDefault(name)).Sum()).ToArray();
        var fitted = (double[])fixedPart.Clone();
        foreach (var block in Frame.RandomBlocks)
        {
            for (var t = 0; t < block.Terms.Count; t++)
            {
                var modes = ConditionalModesOf(block.Group, block.Terms[t]);
                for (var i = 0; i < Frame.Count; i++)
                {
                    fitted[i] += block.Z[i, t] * (modes.TryGetValue(block.Levels[block.GroupIndex[i]], out var m) ? m.Estimate : 0);
                }
            }
        }
        return Augmentation.Table(Frame.UsedLines, Frame.Y, fitted, ("fixed_fitted", fixedPart));
    }

    /// <inheritdoc/>
    IReadOnlyList<ResultTable> IModelFit.Tables() => [Tidy(), VarianceComponentTable(), Correlations(), Glance()];

    /// <summary>The fit JSON of <see cref="ToJson"/> with <c>singular</c> and <c>warnings</c>.</summary>
    JsonObject IModelFit.ToJson()
    {
        var json = ToJson();
        json["singular"] = IsSingular;
        json["warnings"] = ResultJson.Strings(Warnings);
        return json;
    }
}
