using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// The descriptive analysis behind <c>nmt describe</c>: pain change by technique, region and factor (with CIs),
/// episode outcomes with the responder rate, and paired effect sizes. Every cell passes the disclosure rules
/// (<see cref="Privacy.CellSuppression"/>): no figure of a cell of 1–10 clients, complementary suppression per grouping.
/// </summary>
public static class DescriptiveAnalysis
{
    /// <summary>The grouping names, in output order (<c>all</c> = every grouping whose column exists).</summary>
    public static IReadOnlyList<string> Groupings { get; } = ["technique", "region", "stress", "hydration", "sleep", "clinic", "all"];

    /// <summary>Keys of the three output tables in JSON.</summary>
    public static IReadOnlyList<string> TableKeys { get; } = ["pain_change", "episodes", "effect_sizes"];

    /// <summary>Parses a comma-separated grouping list; null means all.</summary>
    /// <exception cref="NmtInputException">An unknown grouping (the closest name is suggested).</exception>
    public static IReadOnlyList<string>? ParseGroupings(string by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var parts = by.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            if (!Groupings.Contains(part, StringComparer.Ordinal))
            {
                var hint = NameSuggester.Closest(part, Groupings) is { } s ? $" Did you mean '{s}'?" : "";
                throw new NmtInputException($"--by: unknown grouping '{part}'.{hint} Choose from {string.Join(", ", Groupings)}.");
            }
        }
        return parts.Length == 0 || parts.Contains("all", StringComparer.Ordinal) ? null : parts;
    }

    /// <summary>Runs the analysis on session rows; <paramref name="by"/> null means every grouping whose column exists.</summary>
    public static DescriptiveResult Run(ColumnTable sessions, IReadOnlyList<string>? by, SummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(options);
        var skipped = new List<string>();
        var groupings = new List<SessionGrouping> { SessionGrouping.Overall };
        foreach (var name in by ?? Groupings.Take(Groupings.Count - 1))
        {
            foreach (var grouping in GroupingsFor(name))
            {
                if (sessions.Contains(grouping.Column))
                {
                    groupings.Add(grouping);
                }
                else if (by is null)
                {
                    skipped.Add(grouping.Column);
                }
                else
                {
                    throw sessions.UnknownColumn(grouping.Column);
                }
            }
        }
        var summary = PainChangeSummary.Summarise(sessions, groupings, options);
        foreach (var column in skipped.Distinct(StringComparer.Ordinal))
        {
            summary.Table.AddNote($"No '{column}' column in the data; that grouping is skipped.");
        }
        var episodes = EpisodeTable.Build(sessions);
        ResultTable[] tables = [summary.Table, EpisodeSummary.Summarise(episodes, options), EffectSizes(sessions, episodes, options)];
        return new DescriptiveResult(tables, [.. summary.Exclusions]);
    }

    /// <summary>The session groupings of a grouping name (technique: every technique and technique alone).</summary>
    internal static SessionGrouping[] GroupingsFor(string name) => name switch
    {
        "technique" => [SessionGrouping.Technique, SessionGrouping.TechniqueAlone],
        "region" => [SessionGrouping.Region],
        "stress" => [SessionGrouping.Banded(FactorBands.Stress)],
        "hydration" => [SessionGrouping.Banded(FactorBands.Hydration)],
        "sleep" => [SessionGrouping.Banded(FactorBands.Sleep)],
        _ => [SessionGrouping.Clinic],
    };

    /// <summary>Notes of the effect-size table, or its suppression note.</summary>
    internal static void EffectSizeNotes(ResultTable table)
    {
        table.AddNote("Change = post - pre, so negative effect sizes mean less pain. episode: first pain_pre vs last pain_post, one pair per client.");
        table.AddNote("session: every session's pre/post pair; its CI treats sessions as independent (too narrow when clients have several sessions).");
    }

    /// <summary>The note of a suppressed effect-size table.</summary>
    internal static void SuppressedEffectSizes(ResultTable table, SummaryOptions options) =>
        table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Suppressed: fewer than the minimum of {options.MinClients} clients."));

    private static ResultTable EffectSizes(ColumnTable sessions, EpisodeResult episodes, SummaryOptions options)
    {
        var table = PairedEffectSize.NewTable();
        var nClients = episodes.Episodes.RowCount;
        if (nClients < options.MinClients)
        {
            SuppressedEffectSizes(table, options);
            return table;
        }
        PairedEffectSize.Compute(episodes.Episodes.Numeric("first_pain_pre").Values, episodes.Episodes.Numeric("last_pain_post").Values, options.Confidence)
            .AddRowsTo(table, "episode");
        PairedEffectSize.Compute(sessions.Numeric(SessionColumns.PainPre).Values, sessions.Numeric(SessionColumns.PainPost).Values, options.Confidence)
            .AddRowsTo(table, "session");
        EffectSizeNotes(table);
        return table;
    }
}
