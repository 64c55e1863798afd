using System.Globalization;
using System.Text.Json.Nodes;

namespace Nmt.Analytics.Data;

/// <summary>
/// What an analysis did with the rows it was given (contract "Nothing lost"): rows read from the file, rows used,
/// and every row left out with its file line (header = line 1) and a reason that never quotes an identifier.
/// <see cref="Used"/> + <see cref="Excluded"/>.Count = <see cref="Read"/>, always.
/// </summary>
public sealed class RowAccounting
{
    internal RowAccounting(long read, IReadOnlyList<RowExclusion> excluded)
    {
        Read = read;
        Excluded = excluded;
    }

    /// <summary>Data rows read from the source (the header not counted).</summary>
    public long Read { get; }

    /// <summary>Rows the analysis used.</summary>
    public long Used => Read - Excluded.Count;

    /// <summary>Rows left out, one entry per row, in file order.</summary>
    public IReadOnlyList<RowExclusion> Excluded { get; }

    /// <summary>Adds <c>n_read</c>, <c>n_used</c> and <c>excluded_rows</c> [{row, reason}] to a JSON result.</summary>
    public JsonObject AddTo(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json["n_read"] = Read;
        json["n_used"] = Used;
        json["excluded_rows"] = new JsonArray([.. Excluded.Select(e => (JsonNode)new JsonObject { ["row"] = e.Line, ["reason"] = e.Reason })]);
        return json;
    }

    /// <summary>The one-line summary printed on stderr next to table output.</summary>
    public string Summary()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"rows: {Read} read, {Used} used, {Excluded.Count} excluded");
        if (Excluded.Count == 0)
        {
            return text + ".";
        }
        var top = Excluded.GroupBy(e => e.Reason, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First();
        return string.Create(CultureInfo.InvariantCulture,
            $"{text} (most often: {top.Key}, {top.Count()} row(s); first at line {Excluded[0].Line}; --format json lists them all).");
    }
}
