using System.Text.Json.Nodes;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Results;

/// <summary>The small JSON conventions every result shares: non-finite numbers as null, exclusions as <c>{row, reason}</c>.</summary>
public static class ResultJson
{
    /// <summary>A JSON number, or null for NaN and infinities (JSON has neither).</summary>
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    /// <summary>The <c>excluded_rows</c> array: <c>[{"row": line, "reason": why}]</c>.</summary>
    public static JsonArray Exclusions(IEnumerable<RowExclusion> exclusions)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        return new JsonArray(exclusions.Select(e => (JsonNode)new JsonObject { [OutputNames.Row] = e.Line, [OutputNames.Reason] = e.Reason }).ToArray());
    }

    /// <summary>An array of strings (notes, warnings).</summary>
    public static JsonArray Strings(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new JsonArray(values.Select(v => (JsonNode)v).ToArray());
    }
}
