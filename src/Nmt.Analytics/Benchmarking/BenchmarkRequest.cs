using System.Text;
using Nmt.Analytics.Data;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// <c>nmt benchmark</c> and <c>nmt benchmark export</c>: the case-mix-adjusted clinic comparison
/// (<see cref="ClinicBenchmark"/>) and the shareable aggregate-only summary (<see cref="BenchmarkSummary"/>).
/// </summary>
public sealed record BenchmarkRequest
{
    /// <summary><c>episode_change</c> or <c>responder</c>.</summary>
    public string Outcome { get; init; } = "episode_change";

    /// <summary>Clinics with fewer clients are suppressed.</summary>
    public int MinClients { get; init; } = BenchmarkOptions.DefaultMinClients;

    /// <summary>Widen funnel limits by the estimated overdispersion (the comparison's default; export never does).</summary>
    public bool Overdispersion { get; init; } = true;

    /// <summary>Shared summaries of other clinics to compare against (paths).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>With an engine (<c>--engine</c>): episodes and case-mix sums computed where the rows live (<see cref="EngineBenchmark"/>).</summary>
    public EngineSource? Engine { get; init; }

    /// <summary>The checked options.</summary>
    /// <exception cref="NmtInputException">An unknown outcome or a minimum out of range.</exception>
    public BenchmarkOptions Options()
    {
        var options = new BenchmarkOptions { Outcome = BenchmarkOutcomes.Parse(Outcome), MinClients = MinClients, Overdispersion = Overdispersion };
        options.Validate();
        return options;
    }

    /// <summary>Compares the clinics of <paramref name="source"/>, with the reference summaries.</summary>
    public ResultOutput Run(DataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var options = Options();
        var summaries = References.Select(BenchmarkSummary.Load).ToList();
        if (Engine is { } engine)
        {
            return engine.Run(source, sql => EngineBenchmark.Statements(sql, options), sql => EngineBenchmark.Run(sql, options, summaries).Output());
        }
        var loaded = source.LoadSessions();
        var result = ClinicBenchmark.Run(loaded.Table, options, summaries);
        return ResultOutput.WithRows(result.ToJson, result.Tables(), loaded.Account(result.Exclusions));
    }

    /// <summary>
    /// Writes the shareable summary of <paramref name="source"/> to <paramref name="path"/> (replacing a file only with
    /// <paramref name="force"/>); the output is the one-row table of what was written.
    /// </summary>
    /// <exception cref="NmtInputException">Bad options, an existing file without force, or a small cell with <paramref name="strictCells"/>.</exception>
    public ResultOutput Export(DataSource source, string path, bool pseudonymise, bool strictCells, bool force)
    {
        ArgumentNullException.ThrowIfNull(source);
        var options = (this with { Overdispersion = false }).Options();
        var target = OutputFiles.CheckFile(path, force);
        var loaded = source.LoadSessions();
        var summary = BenchmarkSummary.Create(loaded.Table, options, pseudonymise, strictCells);
        OutputFiles.WriteFile(target, force, temp => File.WriteAllText(temp, summary.ToJson(), new UTF8Encoding(false)));
        return ResultOutput.OfTables([summary.ExportTable(target)], ["export"]) with { Messages = [loaded.Account().Summary()] };
    }
}
