using System.Globalization;
using System.Text.Json.Nodes;

namespace Nmt.Analytics.Engines;

/// <summary>
/// The row accounting of an engine result: <c>n_read</c>, <c>n_used</c> and <c>excluded_by_reason</c>
/// [{reason, count}] in place of the in-memory line list <c>excluded_rows</c>.
/// </summary>
public static class EngineRows
{
    /// <summary>Adds <c>n_read</c>, <c>n_used</c> and <c>excluded_by_reason</c> to <paramref name="json"/>.</summary>
    public static JsonObject AddTo(JsonObject json, long read, long used, IReadOnlyList<ExclusionCount> exclusions)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(exclusions);
        json["n_read"] = read;
        json["n_used"] = used;
        json["excluded_by_reason"] = new JsonArray([.. exclusions.Select(e => (JsonNode)new JsonObject { ["reason"] = e.Reason, ["count"] = e.Count })]);
        return json;
    }

    /// <summary>One line: rows read, used, and left out by reason.</summary>
    public static string Note(long read, long used, IReadOnlyList<ExclusionCount> exclusions)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        var text = string.Create(CultureInfo.InvariantCulture, $"rows: {read} read, {used} used");
        return exclusions.Count == 0 ? text + "." : text + "; excluded: " + string.Join("; ", exclusions.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Reason} ({e.Count})"))) + ".";
    }
}
