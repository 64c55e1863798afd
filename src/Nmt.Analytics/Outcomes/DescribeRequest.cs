using Nmt.Analytics.Data;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// <c>nmt describe</c>: pain change by group with confidence intervals, episode outcomes and effect sizes
/// (<see cref="DescriptiveAnalysis"/>), or with <see cref="Clinical"/> the clinical-significance classes of each
/// client's episode per group (<see cref="ClinicalSignificance"/>).
/// </summary>
public sealed record DescribeRequest
{
    /// <summary>Comma-separated groupings (<see cref="DescriptiveAnalysis.Groupings"/>; clinical: any columns), or <c>all</c>.</summary>
    public string By { get; init; } = "all";

    /// <summary>Cluster-bootstrap replicates (0 = none).</summary>
    public int Bootstrap { get; init; }

    /// <summary>Seed of the bootstrap.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Cells with fewer clients are suppressed.</summary>
    public int MinCell { get; init; } = 11;

    /// <summary>Classify episodes (reliable change, recovered, MCID responders) instead of describing pain change.</summary>
    public bool Clinical { get; init; }

    /// <summary>Clinical: the thresholds the user set (null: the published default).</summary>
    public (double? Sem, double? Mcid, double? McidPercent, double? Cutoff) Thresholds { get; init; }

    /// <summary>With an engine (<c>--engine</c>): the same tables from sums computed where the rows live (<see cref="EngineDescribe"/>).</summary>
    public EngineSource? Engine { get; init; }

    /// <summary>Checks the options, loads the sessions of <paramref name="source"/> and runs the analysis.</summary>
    /// <exception cref="NmtInputException">An option out of range, an unknown grouping, or unusable data.</exception>
    public ResultOutput Run(DataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Engine is { } engine)
        {
            var summary = Clinical ? throw new NmtInputException("--clinical needs the rows in memory; drop --engine.") : SummaryOptions();
            var by = DescriptiveAnalysis.ParseGroupings(By);
            return engine.Run(source, sql => EngineDescribe.Statements(sql, by, summary), sql => EngineDescribe.Run(sql, by, summary).Output());
        }
        if (Clinical)
        {
            var sessions = source.LoadSessions();
            var (sem, mcid, percent, cutoff) = Thresholds;
            var classes = ClinicalSignificance.Classify(sessions.Table, ClinicalGroups(By), ClinicalOptions.With(sem, mcid, percent, cutoff, MinCell));
            return ResultOutput.WithRows(classes.ToJson, classes.Tables(), sessions.Account(classes.Exclusions));
        }
        var options = SummaryOptions();
        var groupings = DescriptiveAnalysis.ParseGroupings(By);
        var loaded = source.LoadSessions();
        var result = DescriptiveAnalysis.Run(loaded.Table, groupings, options);
        return ResultOutput.WithRows(result.ToJson, result.Tables, loaded.Account(result.Exclusions));
    }

    /// <summary>The options of the descriptive analysis.</summary>
    /// <exception cref="NmtInputException">A negative bootstrap count or minimum cell.</exception>
    public SummaryOptions SummaryOptions()
    {
        if (Bootstrap < 0)
        {
            throw new NmtInputException("--bootstrap must be 0 (off) or a positive number of replicates, e.g. --bootstrap 2000.");
        }
        if (MinCell < 0)
        {
            throw new NmtInputException("--min-cell must be 0 or more (default 11).");
        }
        return new SummaryOptions(MinCell, Bootstrap, Seed);
    }

    /// <summary>The groups of the clinical classification: the named columns; <c>all</c> adds none (one overall row).</summary>
    public static IReadOnlyList<string> ClinicalGroups(string by)
    {
        ArgumentNullException.ThrowIfNull(by);
        return by == "all" ? [] : [.. by.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(g => g != "all")];
    }
}
