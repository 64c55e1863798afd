using System.Globalization;
using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// The benchmark of every clinic, with the case-mix model behind it. Every presentation (JSON, tables, chart data)
/// reads clinics through <see cref="ClinicResult"/>, so a suppressed clinic shows <c>suppressed</c> and nothing else.
/// </summary>
/// <param name="Options">The options used.</param>
/// <param name="Model">The case-mix model fitted on the reference population.</param>
/// <param name="Terms">Estimable design terms, reference levels and aliased terms.</param>
/// <param name="Sigma">Residual SD σ̂ of the case-mix model.</param>
/// <param name="Phi">Overdispersion φ (1 unless requested).</param>
/// <param name="Tau2">Between-clinic variance τ̂² of the empirical-Bayes step.</param>
/// <param name="ShrinkTarget">The mean μ̂ shrunken differences are pulled towards.</param>
/// <param name="Clinics">Every clinic, ordered by id.</param>
/// <param name="Exclusions">Sessions and episodes left out, with reasons.</param>
/// <param name="Notes">Further notes (e.g. clinics with no complete episode).</param>
public sealed record BenchmarkResult(BenchmarkOptions Options, CaseMixModel Model, EstimableTerms Terms, double Sigma, double Phi,
    double Tau2, double ShrinkTarget, IReadOnlyList<ClinicResult> Clinics, IReadOnlyList<RowExclusion> Exclusions, IReadOnlyList<string> Notes)
{
    private static readonly double Z95 = FunnelLimits.ZFor(FunnelLimits.Inner);

    private static readonly string[] ClinicColumns =
    [
        "clinic_id", "source", "n_clients", "observed", "expected", "difference", "ratio", "std_error", "z",
        "ci_low", "ci_high", "flag", "alarm", "shrunken", "shrunken_low", "shrunken_high", "suppressed",
    ];

    /// <summary>The benchmark JSON (contract: outcome, min_clients, clinics[...]; extra keys documented in docs/benchmarking.md).</summary>
    public JsonObject ToJson()
    {
        var clinics = new JsonArray();
        foreach (var clinic in Clinics)
        {
            var obj = new JsonObject();
            foreach (var (column, value) in ClinicColumns.Zip(ClinicCells(clinic)))
            {
                obj[column] = JsonValue(value);
            }
            clinics.Add(obj);
        }
        return new JsonObject
        {
            ["outcome"] = Options.Outcome.Name(),
            ["min_clients"] = Options.MinClients,
            ["clinics"] = clinics,
            ["direction"] = Direction,
            ["target"] = 0.0,
            ["sigma"] = Sigma,
            ["phi"] = Phi,
            ["overdispersion"] = Options.Overdispersion,
            ["tau2"] = Tau2,
            ["n_clients_reference"] = Model.Count,
            ["case_mix"] = Coefficients().ToJsonArray(),
            ["exclusions"] = ExclusionCounts().ToJsonArray(),
            ["notes"] = new JsonArray(AllNotes().Select(n => (JsonNode?)n).ToArray()),
        };
    }

    /// <summary>The tables printed as text or CSV: clinics, overview, case-mix coefficients, exclusions.</summary>
    public IReadOnlyList<ResultTable> Tables() => [Tidy(), Glance(), Coefficients(), ExclusionCounts()];

    /// <summary>One row per clinic (suppressed clinics: id, flag and <c>suppressed = true</c> only).</summary>
    public ResultTable Tidy()
    {
        var table = new ResultTable($"Benchmark of {Options.Outcome.Name()} (case-mix adjusted)", ClinicColumns);
        foreach (var clinic in Clinics)
        {
            table.AddRow(ClinicCells(clinic));
        }
        foreach (var note in AllNotes())
        {
            table.AddNote(note);
        }
        return table;
    }

    /// <summary>One row about the whole comparison: outcome, clinics shown and suppressed, clients, σ̂, φ, τ², flags.</summary>
    public ResultTable Glance()
    {
        var table = new ResultTable("Benchmark overview", "outcome", "min_clients", "n_clinics", "n_suppressed", "n_clients",
            "sigma", "phi", "tau2", "n_better", "n_worse", "n_alarm");
        var shown = Shown().ToList();
        table.AddRow(Options.Outcome.Name(), Options.MinClients, shown.Count, Clinics.Count - shown.Count, Model.Count, Sigma, Phi, Tau2,
            shown.Count(c => c.Flag == PerformanceFlag.Better), shown.Count(c => c.Flag == PerformanceFlag.Worse), shown.Count(c => c.Alarm));
        return table;
    }

    /// <summary>The case-mix model's coefficients (R's term names) with classical standard errors.</summary>
    public ResultTable Coefficients()
    {
        var table = new ResultTable("Case-mix model", "term", "estimate", "std_error");
        for (var j = 0; j < Model.Terms.Count; j++)
        {
            table.AddRow(Model.Terms[j], Model.Coefficients[j], Model.StdErrors[j]);
        }
        table.AddNote(string.Create(CultureInfo.InvariantCulture,
            $"Linear model of {Options.Outcome.Name()} fitted on {Model.Count} episodes of the clinics with at least {Options.MinClients} clients; sigma = {Sigma:G6}."));
        table.AddNote("Reference levels: " + string.Join(", ", Terms.References.Select(kv => $"{kv.Key}={kv.Value}")) + ".");
        if (Terms.Aliased.Count > 0)
        {
            table.AddNote("Aliased (not estimable, dropped as R reports NA): " + string.Join(", ", Terms.Aliased) + ".");
        }
        return table;
    }

    /// <summary>Excluded sessions and episodes counted by reason (client and clinic ids removed).</summary>
    public ResultTable ExclusionCounts()
    {
        var table = new ResultTable("Exclusions", "reason", "count");
        foreach (var group in Exclusions.GroupBy(e => Generic(e.Reason), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.AddRow(group.Key, group.Count());
        }
        return table;
    }

    /// <summary>Funnel-plot data (suppressed clinics are not points).</summary>
    public FunnelChartData Funnel() => new(Options.Outcome.Name(), 0, Sigma, Phi, Options.Outcome.LowerIsBetter(),
        Shown().Select(c => Point(c, c.Figures!.Difference, Z95 * c.Figures.StdError)).ToList());

    /// <summary>Caterpillar-plot data: shrunken differences with 95 % intervals, sorted.</summary>
    public CaterpillarChartData Caterpillar() => new(Options.Outcome.Name(), ShrinkTarget, Tau2,
        Shown().Select(c => Point(c, c.Figures!.Shrunken, Z95 * c.Figures.ShrunkenSd)).OrderBy(p => p.Value).ToList());

    private string Direction => Options.Outcome.LowerIsBetter()
        ? "lower is better: negative difference = more pain relief than expected"
        : "higher is better: positive difference = more responders than expected";

    private IEnumerable<ClinicResult> Shown() => Clinics.Where(c => !c.IsSuppressed);

    private static ChartPoint Point(ClinicResult c, double value, double half) =>
        new(c.ClinicId, c.Figures!.NClients, value, value - half, value + half, c.Flag);

    private object?[] ClinicCells(ClinicResult clinic)
    {
        if (clinic.Figures is not { } f)
        {
            return [clinic.ClinicId, clinic.Source, null, null, null, null, null, null, null, null, null, FlagName(clinic.Flag), null, null, null, null, true];
        }
        var half = Z95 * f.StdError;
        var shrunkHalf = Z95 * f.ShrunkenSd;
        return
        [
            clinic.ClinicId, clinic.Source, f.NClients, f.Observed, f.Expected, f.Difference,
            Options.Outcome == BenchmarkOutcome.Responder ? f.Ratio : null, f.StdError, f.Z,
            f.Difference - half, f.Difference + half, FlagName(clinic.Flag), clinic.Alarm,
            f.Shrunken, f.Shrunken - shrunkHalf, f.Shrunken + shrunkHalf, false,
        ];
    }

    /// <summary>The contract name of a flag.</summary>
    public static string FlagName(PerformanceFlag flag) => flag switch
    {
        PerformanceFlag.Better => "better",
        PerformanceFlag.Worse => "worse",
        PerformanceFlag.Suppressed => "suppressed",
        _ => "as_expected",
    };

    private IEnumerable<string> AllNotes()
    {
        yield return $"Direction: {Direction}. difference = observed - expected; flag from 95% funnel limits, alarm = beyond 99.8% (Spiegelhalter 2005).";
        yield return Options.Overdispersion
            ? string.Create(CultureInfo.InvariantCulture, $"Overdispersion: limits and intervals widened by sqrt(phi), phi = {Phi:G4}.")
            : "No overdispersion adjustment (use --overdispersion to widen limits by the estimated phi).";
        yield return $"Clinics with fewer than {Options.MinClients} clients are suppressed: no figures, and their episodes are left out of the case-mix model and every total.";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"shrunken = empirical-Bayes estimate of the difference (tau2 = {Tau2:G4}); ratio = observed/expected (responder only).");
        foreach (var note in Notes)
        {
            yield return note;
        }
    }

    // "client P0001: first session has no pain_pre; ..." → "first session has no pain_pre; ..."
    private static string Generic(string reason)
    {
        var colon = reason.IndexOf(": ", StringComparison.Ordinal);
        return (reason.StartsWith("client ", StringComparison.Ordinal) || reason.StartsWith("clinic ", StringComparison.Ordinal)) && colon > 0
            ? reason[(colon + 2)..]
            : reason;
    }

    private static JsonNode? JsonValue(object? value) => value switch
    {
        null => null,
        double d when double.IsNaN(d) || double.IsInfinity(d) => null,
        double d => d,
        long l => l,
        int i => i,
        bool b => b,
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
