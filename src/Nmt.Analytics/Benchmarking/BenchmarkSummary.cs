using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// A shareable, aggregate-only benchmark summary: per clinic with at least the minimum number of clients, the
/// episode count and the case-mix cross-products (n, XᵀX, Xᵀy, yᵀy) in the full-indicator design. No client id, no
/// row, no suppressed clinic (not even in a total, so nothing can be differenced out). Summing the clinics'
/// cross-products reproduces the least-squares fit of the pooled rows exactly, so federated comparison loses nothing.
/// </summary>
public sealed class BenchmarkSummary
{
    /// <summary>Document type tag.</summary>
    public const string SchemaName = "nmt-benchmark-summary";

    /// <summary>Schema version written and read by this release.</summary>
    public const int SchemaVersion = 1;

    private BenchmarkSummary(BenchmarkOutcome outcome, int minClients, double responderPoints, double responderPercent,
        bool pseudonymised, IReadOnlyList<ClinicStatistics> clinics, IReadOnlyList<string> smallCells)
    {
        Outcome = outcome;
        MinClients = minClients;
        ResponderPoints = responderPoints;
        ResponderPercent = responderPercent;
        Pseudonymised = pseudonymised;
        Clinics = clinics;
        SmallCells = smallCells;
    }

    /// <summary>The outcome summarised.</summary>
    public BenchmarkOutcome Outcome { get; }

    /// <summary>The suppression threshold applied at export.</summary>
    public int MinClients { get; }

    /// <summary>Responder threshold in points used at export.</summary>
    public double ResponderPoints { get; }

    /// <summary>Responder threshold in percent used at export.</summary>
    public double ResponderPercent { get; }

    /// <summary>True when clinic ids were replaced by random pseudonyms.</summary>
    public bool Pseudonymised { get; }

    /// <summary>The clinics' statistics.</summary>
    public IReadOnlyList<ClinicStatistics> Clinics { get; }

    /// <summary>Design columns that some exported clinic holds for 1 to min − 1 clients (sub-aggregates; see docs/benchmarking.md).</summary>
    public IReadOnlyList<string> SmallCells { get; }

    /// <summary>Builds the summary of a session table.</summary>
    /// <param name="sessions">Session rows.</param>
    /// <param name="options">Outcome, minimum clients and responder criteria.</param>
    /// <param name="pseudonymise">Replace clinic ids with random labels (X01, X02, … in random order; the key is not kept).</param>
    /// <param name="strictCells">Refuse to export when a design column is held by 1 to min − 1 clients of a clinic.</param>
    public static BenchmarkSummary Create(ColumnTable sessions, BenchmarkOptions options, bool pseudonymise = false, bool strictCells = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var input = CaseMixInput.FromSessions(sessions, options);
        if (input.Clinics.Count == 0)
        {
            throw new NmtInputException($"no clinic has {options.MinClients} or more clients with complete episodes; there is nothing that may be shared.");
        }
        var clinics = pseudonymise ? Pseudonymise(input.Clinics) : input.Clinics;
        var small = SmallCellColumns(clinics, options.MinClients);
        if (strictCells && small.Count > 0)
        {
            throw new NmtInputException($"--strict-cells: {small.Count} design column(s) are held by fewer than {options.MinClients} clients of a clinic ({string.Join(", ", small.Take(5))}{(small.Count > 5 ? ", …" : "")}); merge rare levels in the data or export without --strict-cells.");
        }
        return new BenchmarkSummary(options.Outcome, options.MinClients, options.Criteria.Points.Value, options.Criteria.Percent.Value,
            pseudonymise, clinics, small);
    }

    /// <summary>Refuses a summary that cannot be combined with a benchmark run with <paramref name="options"/>.</summary>
    /// <exception cref="NmtInputException">Different outcome or responder criteria.</exception>
    public void CheckCompatible(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = Clinics.FirstOrDefault()?.Source ?? "the summary";
        if (Outcome != options.Outcome)
        {
            throw new NmtInputException($"{source} summarises '{Outcome.Name()}' but this benchmark compares '{options.Outcome.Name()}'; use --outcome {Outcome.Name()} or ask for a summary exported with --outcome {options.Outcome.Name()}.");
        }
        if (Outcome == BenchmarkOutcome.Responder
            && (ResponderPoints != options.Criteria.Points.Value || ResponderPercent != options.Criteria.Percent.Value))
        {
            throw new NmtInputException(string.Create(CultureInfo.InvariantCulture,
                $"{source} defines responders as >= {ResponderPoints} points and >= {ResponderPercent} %, unlike this benchmark; summaries must use the same responder criteria."));
        }
    }

    /// <summary>The summary as JSON (snake_case, full double precision).</summary>
    public string ToJson()
    {
        var design = Clinics.Count == 0 ? CaseMixDesign.Union([]) : Clinics[0].Design;
        var root = new JsonObject
        {
            ["schema"] = SchemaName,
            ["schema_version"] = SchemaVersion,
            ["tool"] = "Nmt.Analytics " + typeof(BenchmarkSummary).Assembly.GetName().Version?.ToString(3),
            ["outcome"] = Outcome.Name(),
            ["responder_points"] = ResponderPoints,
            ["responder_percent"] = ResponderPercent,
            ["min_clients"] = MinClients,
            ["pseudonymised"] = Pseudonymised,
            ["design"] = new JsonArray(design.Columns.Select(c => (JsonNode?)new JsonObject { ["variable"] = c.Variable, ["level"] = c.Level }).ToArray()),
            ["clinics"] = new JsonArray(Clinics.Select(c => (JsonNode?)ClinicJson(c)).ToArray()),
            ["small_cells"] = SmallCells.Count,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Reads a summary; <paramref name="source"/> names it in messages and results (e.g. the file name).</summary>
    /// <exception cref="NmtInputException">Not a summary, another schema version, or inconsistent content.</exception>
    public static BenchmarkSummary FromJson(string json, string source)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new NmtInputException($"{source}: not a benchmark summary (expected a JSON object).");
        }
        catch (JsonException e)
        {
            throw new NmtInputException($"{source}: not valid JSON ({e.Message}).");
        }
        if ((string?)root["schema"] != SchemaName)
        {
            throw new NmtInputException($"{source}: not a benchmark summary (schema is '{(string?)root["schema"]}', expected '{SchemaName}'); make one with nmt benchmark export.");
        }
        var version = (int?)root["schema_version"];
        if (version != SchemaVersion)
        {
            throw new NmtInputException($"{source}: summary schema version {version?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} is not supported; this nmt reads version {SchemaVersion}. Export it again with this version of nmt.");
        }
        try
        {
            var design = CaseMixDesign.FromColumns(root["design"]!.AsArray().Select(c => new DesignColumn((string)c!["variable"]!, (string?)c["level"])));
            var clinics = root["clinics"]!.AsArray().Select(c => ReadClinic(c!.AsObject(), design, source)).ToList();
            return new BenchmarkSummary(BenchmarkOutcomes.Parse((string)root["outcome"]!), (int)root["min_clients"]!,
                (double)root["responder_points"]!, (double)root["responder_percent"]!, (bool)root["pseudonymised"]!, clinics, []);
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or FormatException or KeyNotFoundException)
        {
            throw new NmtInputException($"{source}: the summary is incomplete or damaged ({e.Message}).");
        }
    }

    /// <summary>Reads a summary file.</summary>
    public static BenchmarkSummary Load(string path) => FromJson(File.ReadAllText(path), Path.GetFileName(path));

    private static JsonObject ClinicJson(ClinicStatistics c)
    {
        var p = c.Stats.Dimension;
        return new JsonObject
        {
            ["clinic_id"] = c.ClinicId,
            ["n_clients"] = c.NClients,
            ["xtx"] = new JsonArray(Enumerable.Range(0, p).Select(i => (JsonNode?)new JsonArray(c.Stats.XtX.Row(i).Select(v => (JsonNode?)v).ToArray())).ToArray()),
            ["xty"] = new JsonArray(c.Stats.Xty.Select(v => (JsonNode?)v).ToArray()),
            ["yty"] = c.Stats.Yty,
        };
    }

    private static ClinicStatistics ReadClinic(JsonObject c, CaseMixDesign design, string source)
    {
        var p = design.Dimension;
        var rows = c["xtx"]!.AsArray();
        var xtx = new double[rows.Count, rows.Count == 0 ? 0 : rows[0]!.AsArray().Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i]!.AsArray();
            for (var j = 0; j < row.Count && j < xtx.GetLength(1); j++)
            {
                xtx[i, j] = (double)row[j]!;
            }
        }
        var xty = c["xty"]!.AsArray().Select(v => (double)v!).ToArray();
        var stats = CrossProducts.FromParts((long)c["n_clients"]!, xtx, xty, (double)c["yty"]!);
        if (stats.Dimension != p)
        {
            throw new NmtInputException($"{source}: clinic {(string?)c["clinic_id"]} has {stats.Dimension} design columns but the design lists {p}.");
        }
        return new ClinicStatistics((string)c["clinic_id"]!, stats, design, source);
    }

    private static List<ClinicStatistics> Pseudonymise(IReadOnlyList<ClinicStatistics> clinics)
    {
        var order = Enumerable.Range(0, clinics.Count).ToArray();
        RandomNumberGenerator.Shuffle(order.AsSpan());
        return clinics.Select((c, i) => c with { ClinicId = "X" + (order[i] + 1).ToString("D2", CultureInfo.InvariantCulture) })
            .OrderBy(c => c.ClinicId, StringComparer.Ordinal).ToList();
    }

    private static List<string> SmallCellColumns(IReadOnlyList<ClinicStatistics> clinics, int minClients)
    {
        var small = new List<string>();
        foreach (var clinic in clinics)
        {
            for (var j = 0; j < clinic.Design.Dimension; j++)
            {
                var column = clinic.Design.Columns[j];
                var support = clinic.Stats.XtX[j, j];
                if ((column.Level is not null || column.Variable == CaseMixDesign.StressMissing) && support > 0 && support < minClients)
                {
                    small.Add($"{clinic.ClinicId}:{column.Term}");
                }
            }
        }
        return small;
    }
}
