using System.Text.Json;
using Nmt.Analytics.Data;
using Nmt.Analytics.Privacy;

namespace Nmt.Analytics.Engines;

/// <summary>
/// Summary files (JSON, <c>"nmt_summary"</c> = schema version). Disclosure control: cells keyed by an identifier
/// column (client, therapist) are per-person statistics and are written only when explicitly asked for; totals are
/// aggregates; site-level cells (e.g. per clinic) are written only when every cell holds at least
/// <see cref="CellSuppression.DefaultMinClients"/> clients (no cell of 1–10 clients, docs/privacy.md rule 1), unless
/// the site explicitly allows small cells. Cells carry their distinct-client count (<c>clients</c>) for that check.
/// </summary>
public static class SummaryFile
{
    /// <summary>Writes <paramref name="statistics"/> to <paramref name="path"/>.</summary>
    /// <param name="statistics">The summary.</param>
    /// <param name="path">The file; an existing file is replaced only with <paramref name="force"/>.</param>
    /// <param name="includePersonStatistics">Allow cells keyed by a client or therapist identifier to leave the site.</param>
    /// <param name="force">Replace an existing file.</param>
    /// <param name="allowSmallCells">Write site-level cells of 1–10 clients (an explicit decision of the site).</param>
    /// <exception cref="NmtInputException">Per-person cells without permission, small site-level cells without permission, or an existing file without <paramref name="force"/>.</exception>
    public static void Write(SufficientStatistics statistics, string path, bool includePersonStatistics = false, bool force = false, bool allowSmallCells = false)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(path);
        if (statistics.HasCells && !includePersonStatistics && statistics.CellVariables.FirstOrDefault(IsPersonIdentifier) is { } id)
        {
            throw new NmtInputException($"this summary holds statistics per '{id}' (one cell per person), which stay on the site unless you explicitly ask for them (--include-client-statistics); totals (--summary-level totals) and site-level cells are aggregates.");
        }
        if (!allowSmallCells && !statistics.CellVariables.Any(IsPersonIdentifier) && SmallCells(statistics) is > 0 and var small)
        {
            throw new NmtInputException($"{small} of the {statistics.CellKeys.Count} cells of this summary (per {string.Join(", ", statistics.CellVariables)}) hold 1 to {CellSuppression.DefaultMinClients - 1} clients; such small cells do not leave the site (docs/privacy.md). Merge small groups at the source, write totals only (--summary-level totals), or pass --allow-small-cells to write them anyway.");
        }
        if (File.Exists(path) && !force)
        {
            throw new NmtInputException($"{path} exists; pass --force to replace it.");
        }
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        WriteJson(statistics, json);
    }

    /// <summary>Cells holding 1 to 10 clients (distinct clients when known, else rows, which bound them from above).</summary>
    public static int SmallCells(SufficientStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return Enumerable.Range(0, statistics.CellKeys.Count).Count(c => CellSuppression.IsSmall(statistics.ClientsIn(c)));
    }

    /// <summary>True for the data contract's person identifiers (client, therapist).</summary>
    public static bool IsPersonIdentifier(string column) =>
        SessionSchema.Find(column) is { } spec && spec.Kind == ColumnKind.Identifier && column != "clinic_id";

    /// <summary>Reads a summary file.</summary>
    /// <exception cref="NmtInputException">A missing or malformed file, or another schema version.</exception>
    public static SufficientStatistics Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new NmtInputException($"summary file not found: {path}");
        }
        try
        {
            using var stream = File.OpenRead(path);
            using var doc = JsonDocument.Parse(stream);
            return FromJson(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new NmtInputException($"{path} is not an nmt summary file ({e.Message.Split('\n')[0]}).", e);
        }
    }

    private static void WriteJson(SufficientStatistics s, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("nmt_summary", s.SchemaVersion);
        w.WriteString("formula", s.Formula);
        w.WriteString("response", s.ResponseName);
        Strings(w, "fixed", s.FixedNames);
        w.WriteStartArray("blocks");
        foreach (var b in s.Blocks)
        {
            w.WriteStartObject();
            w.WriteString("group", b.Group);
            Strings(w, "variables", b.Variables);
            Strings(w, "terms", b.Terms);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "cell_variables", s.CellVariables);
        w.WriteStartArray("cell_variable_numeric");
        foreach (var v in s.CellVariableIsNumeric)
        {
            w.WriteBooleanValue(v);
        }
        w.WriteEndArray();
        w.WriteNumber("n_read", s.RowsRead);
        w.WriteNumber("n_used", s.N);
        w.WriteStartArray("exclusions");
        foreach (var e in s.Exclusions)
        {
            w.WriteStartObject();
            w.WriteString("reason", e.Reason);
            w.WriteNumber("count", e.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Numbers(w, "xtx", s.XtX);
        Numbers(w, "xty", s.Xty);
        w.WriteNumber("yty", s.Yty);
        w.WriteStartArray("cells");
        int r = s.R, p = s.P;
        for (var c = 0; c < s.CellKeys.Count; c++)
        {
            w.WriteStartObject();
            Strings(w, "key", s.CellKeys[c]);
            w.WriteNumber("n", s.CellCounts[c]);
            if (s.CellClients.Length > 0)
            {
                w.WriteNumber("clients", s.CellClients[c]);
            }
            Numbers(w, "ztz", s.CellZtZ.AsSpan(c * r * r, r * r));
            Numbers(w, "ztx", s.CellZtX.AsSpan(c * r * p, r * p));
            Numbers(w, "zty", s.CellZty.AsSpan(c * r, r));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static SufficientStatistics FromJson(JsonElement root)
    {
        var version = root.GetProperty("nmt_summary").GetInt32();
        if (version != SufficientStatistics.CurrentSchemaVersion)
        {
            throw new NmtInputException($"the summary file has schema version {version}; this nmt reads version {SufficientStatistics.CurrentSchemaVersion}. Recompute it with the same nmt version.");
        }
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        var totals = new SufficientStatistics
        {
            SchemaVersion = version,
            Formula = root.GetProperty("formula").GetString()!,
            ResponseName = root.GetProperty("response").GetString()!,
            FixedNames = StringList(root.GetProperty("fixed")),
            Blocks = [.. root.GetProperty("blocks").EnumerateArray().Select(b => new SummaryBlock(b.GetProperty("group").GetString()!, StringList(b.GetProperty("variables")), StringList(b.GetProperty("terms"))))],
            CellVariables = StringList(root.GetProperty("cell_variables")),
            CellVariableIsNumeric = [.. root.GetProperty("cell_variable_numeric").EnumerateArray().Select(e => e.GetBoolean())],
            RowsRead = root.GetProperty("n_read").GetInt64(),
            Exclusions = [.. root.GetProperty("exclusions").EnumerateArray().Select(e => new ExclusionCount(e.GetProperty("reason").GetString()!, e.GetProperty("count").GetInt64()))],
            N = root.GetProperty("n_used").GetInt64(),
            XtX = NumberArray(root.GetProperty("xtx")),
            Xty = NumberArray(root.GetProperty("xty")),
            Yty = root.GetProperty("yty").GetDouble(),
        };
        if (totals.XtX.Length != totals.P * totals.P || totals.Xty.Length != totals.P)
        {
            throw new FormatException("the totals do not match the fixed-effect columns");
        }
        return cells.Count == 0 ? totals : totals.WithCells(
            [.. cells.Select(c => StringList(c.GetProperty("key")).ToArray())],
            [.. cells.Select(c => c.GetProperty("n").GetInt64())],
            [.. cells.SelectMany(c => Sized(c, "ztz", totals.R * totals.R))],
            [.. cells.SelectMany(c => Sized(c, "ztx", totals.R * totals.P))],
            [.. cells.SelectMany(c => Sized(c, "zty", totals.R))],
            cells.All(c => c.TryGetProperty("clients", out _)) ? [.. cells.Select(c => c.GetProperty("clients").GetInt64())] : null);
    }

    private static double[] Sized(JsonElement cell, string name, int length)
    {
        var values = NumberArray(cell.GetProperty(name));
        return values.Length == length ? values : throw new FormatException($"a cell's '{name}' has {values.Length} values, not {length}");
    }

    private static List<string> StringList(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetString()!)];

    private static double[] NumberArray(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter w, string name, ReadOnlySpan<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }
        w.WriteEndArray();
    }
}
