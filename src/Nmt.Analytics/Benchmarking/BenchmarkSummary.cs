using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// A shareable, aggregate-only benchmark summary: one case-mix block (n, XᵀX, Xᵀy, yᵀy in the full-indicator design)
/// over all exported clinics together, and per clinic with at least the minimum number of clients only its count n,
/// outcome total Σy and design-column totals Σx. No client id, no row, no suppressed clinic (not even inside the
/// block or a total, so nothing can be differenced out). Summing the sites' blocks reproduces the least-squares fit
/// of the pooled rows exactly, and Σx, Σy give every clinic's O and E, so federated comparison loses nothing.
/// </summary>
public sealed class BenchmarkSummary
{
    /// <summary>Document type tag.</summary>
    public const string SchemaName = "nmt-benchmark-summary";

    /// <summary>Schema version written and read by this release.</summary>
    public const int SchemaVersion = 1;

    private BenchmarkSummary(BenchmarkOutcome outcome, int minClients, double responderPoints, double responderPercent,
        bool pseudonymised, CaseMixBlock model, IReadOnlyList<ClinicTotals> clinics, IReadOnlyList<string> smallCells)
    {
        Model = model;
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

    /// <summary>The case-mix cross-products of all exported clinics together.</summary>
    public CaseMixBlock Model { get; }

    /// <summary>The clinics' totals.</summary>
    public IReadOnlyList<ClinicTotals> Clinics { get; }

    /// <summary>
    /// Covariate levels held by 1 to min − 1 of the exported clients: the block's sums over them are sub-aggregates
    /// over fewer than min clients (see docs/benchmarking.md; <c>strictCells</c> refuses them).
    /// </summary>
    public IReadOnlyList<string> SmallCells { get; }

    /// <summary>Builds the summary of a session table.</summary>
    /// <param name="sessions">Session rows.</param>
    /// <param name="options">Outcome, minimum clients and responder criteria.</param>
    /// <param name="pseudonymise">Replace clinic ids with random labels (<c>X-</c> + 8 hex digits; the key is not kept).</param>
    /// <param name="strictCells">Refuse to export when a covariate level is held by 1 to min − 1 of the exported clients.</param>
    public static BenchmarkSummary Create(ColumnTable sessions, BenchmarkOptions options, bool pseudonymise = false, bool strictCells = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var input = CaseMixInput.FromSessions(sessions, options);
        if (input.Clinics.Count == 0)
        {
            throw new NmtInputException($"no clinic has {options.MinClients} or more clients with complete episodes; there is nothing that may be shared.");
        }
        var clinics = pseudonymise ? Pseudonymise(input.Clinics) : input.Clinics;
        var small = SmallCellColumns(input.Model, options.MinClients);
        if (strictCells && small.Count > 0)
        {
            throw new NmtInputException($"{small.Count} covariate level(s) are held by fewer than {options.MinClients} of the exported clients ({string.Join(", ", small.Take(5))}{(small.Count > 5 ? ", …" : "")}); merge rare levels in the data, or export them anyway with --allow-small-cells.");
        }
        return new BenchmarkSummary(options.Outcome, options.MinClients, options.Criteria.Points.Value, options.Criteria.Percent.Value,
            pseudonymise, input.Model, clinics, small);
    }

    /// <summary>Refuses a summary that cannot be combined with a benchmark run with <paramref name="options"/>.</summary>
    /// <exception cref="NmtInputException">Different outcome or responder criteria.</exception>
    public void CheckCompatible(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = Model.Source;
        if (MinClients < options.MinClients)
        {
            throw new NmtInputException($"{source} was exported with --min-clients {MinClients}, below this benchmark's {options.MinClients}; ask for an export with --min-clients {options.MinClients} or more.");
        }
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

    /// <summary>What <c>nmt benchmark export</c> reports after writing the summary to <paramref name="path"/>: one row, with notes.</summary>
    public ResultTable ExportTable(string path)
    {
        var table = new ResultTable("Benchmark summary", "file", "outcome", "clinics", "clients", "min_clients", "pseudonymised");
        table.AddRow(path, Outcome.Name(), Clinics.Count, Clinics.Sum(c => c.NClients), MinClients, Pseudonymised);
        table.AddNote("Contains one case-mix block (cross-products) over all exported clinics and per-clinic counts and totals; clinics below min_clients are left out entirely.");
        if (SmallCells.Count > 0)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture,
                $"{SmallCells.Count} covariate level(s) ({string.Join(", ", SmallCells)}) are held by fewer than {MinClients} of the exported clients; the block's sums over them are sub-aggregates (exported because --allow-small-cells was given; see docs/benchmarking.md)."));
        }
        return table;
    }

    /// <summary>The summary as JSON (snake_case, full double precision).</summary>
    public string ToJson()
    {
        var design = Model.Design;
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
            ["model"] = ModelJson(Model.Stats),
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
            var design = CaseMixDesign.FromColumns(root["design"]!.AsArray().Select(c => new CaseMixColumn((string)c!["variable"]!, (string?)c["level"])));
            var model = new CaseMixBlock(ReadModel(root["model"]!.AsObject(), design, source), design, source);
            var clinics = root["clinics"]!.AsArray().Select(c => ReadClinic(c!.AsObject(), design, source)).ToList();
            return new BenchmarkSummary(BenchmarkOutcomes.Parse((string)root["outcome"]!), (int)root["min_clients"]!,
                (double)root["responder_points"]!, (double)root["responder_percent"]!, (bool)root["pseudonymised"]!, model, clinics, []);
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or FormatException or KeyNotFoundException)
        {
            throw new NmtInputException($"{source}: the summary is incomplete or damaged ({e.Message}).");
        }
    }

    /// <summary>Reads a summary file.</summary>
    public static BenchmarkSummary Load(string path) => FromJson(File.ReadAllText(path), Path.GetFileName(path));

    private static JsonObject ModelJson(CaseMixCrossProducts stats)
    {
        var p = stats.Dimension;
        return new JsonObject
        {
            ["n_clients"] = stats.Count,
            ["xtx"] = new JsonArray(Enumerable.Range(0, p).Select(i => (JsonNode?)Numbers(stats.XtX.Row(i))).ToArray()),
            ["xty"] = Numbers(stats.Xty),
            ["yty"] = stats.Yty,
        };
    }

    private static JsonObject ClinicJson(ClinicTotals c) => new()
    {
        ["clinic_id"] = c.ClinicId,
        ["n_clients"] = c.NClients,
        ["sum_x"] = Numbers(c.SumX),
        ["sum_y"] = c.SumY,
    };

    private static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    private static double[] ReadNumbers(JsonNode? node) => node!.AsArray().Select(v => (double)v!).ToArray();

    private static CaseMixCrossProducts ReadModel(JsonObject m, CaseMixDesign design, string source)
    {
        var rows = m["xtx"]!.AsArray().Select(ReadNumbers).ToArray();
        var p = design.Dimension;
        if (rows.Length != p || rows.Any(r => r.Length != p))
        {
            throw new NmtInputException($"{source}: the case-mix block is not {p}×{p} as the design lists.");
        }
        var xtx = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                xtx[i, j] = rows[i][j];
            }
        }
        return CaseMixCrossProducts.FromParts((long)m["n_clients"]!, xtx, ReadNumbers(m["xty"]), (double)m["yty"]!);
    }

    private static ClinicTotals ReadClinic(JsonObject c, CaseMixDesign design, string source)
    {
        var id = (string)c["clinic_id"]!;
        var sumX = ReadNumbers(c["sum_x"]);
        if (sumX.Length != design.Dimension)
        {
            throw new NmtInputException($"{source}: clinic {id} has {sumX.Length} design totals but the design lists {design.Dimension}.");
        }
        return new ClinicTotals(id, (long)c["n_clients"]!, sumX, (double)c["sum_y"]!, design, source);
    }

    // Random labels "X-" + 8 hex digits: unlinkable to the ids, and practically never equal across sites' exports.
    private static List<ClinicTotals> Pseudonymise(IReadOnlyList<ClinicTotals> clinics)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var renamed = new List<ClinicTotals>();
        foreach (var clinic in clinics)
        {
            string label;
            do
            {
                label = "X-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
            }
            while (!used.Add(label));
            renamed.Add(clinic with { ClinicId = label });
        }
        return renamed.OrderBy(c => c.ClinicId, StringComparer.Ordinal).ToList();
    }

    // Indicator columns (levels, missing stress) whose support in the block is 1 … min − 1 clients.
    private static List<string> SmallCellColumns(CaseMixBlock block, int minClients)
    {
        var small = new List<string>();
        for (var j = 0; j < block.Design.Dimension; j++)
        {
            var column = block.Design.Columns[j];
            var support = block.Stats.XtX[j, j];
            if ((column.Level is not null || column.Variable == CaseMixDesign.StressMissing) && support > 0 && support < minClients)
            {
                small.Add(column.Term);
            }
        }
        return small;
    }
}
