using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Results;

/// <summary>The small JSON conventions every result shares: non-finite numbers as null, exclusions as <c>{row, reason}</c>.</summary>
public static class ResultJson
{
    /// <summary>How results are written as JSON documents: indented, snake_case names, full double precision, no HTML escaping.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Tidy tables as one JSON object: each table's rows under its key in <paramref name="keys"/>, or (no keys) under its
    /// title in snake_case ("Pain change" → <c>pain_change</c>).
    /// </summary>
    public static JsonObject Tables(IReadOnlyList<ResultTable> tables, IReadOnlyList<string>? keys = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var json = new JsonObject();
        for (var i = 0; i < tables.Count; i++)
        {
            json[keys?[i] ?? SnakeCase(tables[i].Title)] = tables[i].ToJsonArray();
        }
        return json;
    }

    /// <summary>A title as a snake_case key: lower case, words joined by <c>_</c> (spaces, <c>-</c> and <c>/</c> separate words).</summary>
    public static string SnakeCase(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return string.Join("_", title.ToLowerInvariant().Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries));
    }

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
