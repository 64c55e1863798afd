using System.Text.Json.Nodes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>A fitted model ready to present: the fit JSON contract and the tidy tables for table/CSV output.</summary>
/// <param name="Json">The fit JSON document (DESIGN.md contract).</param>
/// <param name="Tables">Tidy tables in display order (coefficients first).</param>
internal sealed record FitOutput(JsonObject Json, IReadOnlyList<ResultTable> Tables)
{
    /// <summary>What marginal means, contrasts and ANOVA read from the fit (null when the model offers none).</summary>
    public Nmt.Analytics.Inference.IInferenceSource? Source { get; init; }
}
