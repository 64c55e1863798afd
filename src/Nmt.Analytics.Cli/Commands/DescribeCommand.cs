using System.CommandLine;
using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt describe DATA [--by technique|region|stress|hydration|sleep|clinic|all] [--bootstrap B] [--seed S]
/// [--min-cell N] [--format table|json|csv]</c>: pain change by technique, region and factor, with CIs;
/// episode outcomes and responder rate; paired effect sizes.
/// </summary>
internal static class DescribeCommand
{
    /// <summary>The <c>--by</c> values, in output order.</summary>
    internal static readonly string[] ByChoices = ["technique", "region", "stress", "hydration", "sleep", "clinic", "all"];

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.DataArgument();
        var demo = CommonOptions.DemoOption();
        var by = new Option<string>("--by")
        {
            Description = "Grouping(s), comma-separated: technique, region, stress, hydration, sleep, clinic or all.",
            DefaultValueFactory = _ => "all",
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Cluster-bootstrap replicates B (resampling clients); 0 = no bootstrap.",
            DefaultValueFactory = _ => 0,
        };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed.", DefaultValueFactory = _ => 1 };
        var minCell = new Option<int>("--min-cell")
        {
            Description = "Suppress cells with fewer clients than this (privacy).",
            DefaultValueFactory = _ => 11,
        };
        var format = CliContext.FormatOption();
        var command = new Command("describe", "Pain change by technique, region and factor, with confidence intervals.");
        command.Arguments.Add(data);
        foreach (var option in new Option[] { demo, by, bootstrap, seed, minCell, format })
        {
            command.Options.Add(option);
        }
        var clinical = ClinicalDescribe.AddOptions(command);
        command.SetAction(parseResult => context.Guard(() =>
        {
            if (parseResult.GetValue(clinical))
            {
                return ClinicalDescribe.Run(context, parseResult, Load(parseResult.GetValue(data), parseResult.GetValue(demo)));
            }
            var options = Options(parseResult.GetValue(bootstrap), parseResult.GetValue(seed), parseResult.GetValue(minCell));
            var groupings = ParseBy(parseResult.GetValue(by) ?? "all");
            var sessions = Load(parseResult.GetValue(data), parseResult.GetValue(demo));
            var tables = Analyse(sessions, groupings, options);
            context.WriteTables(parseResult.GetValue(format), tables, JsonKeys);
            return 0;
        }));
        return command;
    }

    /// <summary>JSON keys of the three output tables.</summary>
    internal static readonly string[] JsonKeys = ["pain_change", "episodes", "effect_sizes"];

    /// <summary>Validates the numeric options.</summary>
    internal static SummaryOptions Options(int bootstrap, int seed, int minCell)
    {
        if (bootstrap < 0)
        {
            throw new NmtInputException("--bootstrap must be 0 (off) or a positive number of replicates, e.g. --bootstrap 2000.");
        }
        if (minCell < 0)
        {
            throw new NmtInputException("--min-cell must be 0 or more (default 11).");
        }
        return new SummaryOptions(minCell, bootstrap, seed);
    }

    /// <summary>Parses <c>--by</c> into the requested groupings (null = all, skipping absent optional columns).</summary>
    internal static IReadOnlyList<string>? ParseBy(string by)
    {
        var parts = by.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            if (!ByChoices.Contains(part, StringComparer.Ordinal))
            {
                var hint = NameSuggester.Closest(part, ByChoices) is { } s ? $" Did you mean '{s}'?" : "";
                throw new NmtInputException($"--by: unknown grouping '{part}'.{hint} Choose from {string.Join(", ", ByChoices)}.");
            }
        }
        return parts.Length == 0 || parts.Contains("all", StringComparer.Ordinal) ? null : parts;
    }

    /// <summary>
    /// The analysis: pain-change summary, episode summary and effect sizes for a loaded session table.
    /// <paramref name="by"/> null means every grouping whose column exists.
    /// </summary>
    internal static IReadOnlyList<ResultTable> Analyse(ColumnTable sessions, IReadOnlyList<string>? by, SummaryOptions options)
    {
        var skipped = new List<string>();
        var groupings = new List<SessionGrouping> { SessionGrouping.Overall };
        foreach (var name in by ?? ByChoices[..^1])
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
        var summary = PainChangeSummary.Summarise(sessions, groupings, options).Table;
        foreach (var column in skipped.Distinct(StringComparer.Ordinal))
        {
            summary.AddNote($"No '{column}' column in the data; that grouping is skipped.");
        }
        var episodes = EpisodeTable.Build(sessions);
        return [summary, EpisodeSummary.Summarise(episodes, options), EffectSizes(sessions, episodes, options)];
    }

    private static SessionGrouping[] GroupingsFor(string name) => name switch
    {
        "technique" => [SessionGrouping.Technique, SessionGrouping.TechniqueAlone],
        "region" => [SessionGrouping.Region],
        "stress" => [SessionGrouping.Banded(FactorBands.Stress)],
        "hydration" => [SessionGrouping.Banded(FactorBands.Hydration)],
        "sleep" => [SessionGrouping.Banded(FactorBands.Sleep)],
        _ => [SessionGrouping.Clinic],
    };

    private static ResultTable EffectSizes(ColumnTable sessions, EpisodeResult episodes, SummaryOptions options)
    {
        var table = PairedEffectSize.NewTable();
        var nClients = episodes.Episodes.RowCount;
        if (nClients < options.MinClients)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture,
                $"Suppressed: {nClients} client(s), fewer than the minimum of {options.MinClients}."));
            return table;
        }
        PairedEffectSize.Compute(episodes.Episodes.Numeric("first_pain_pre").Values, episodes.Episodes.Numeric("last_pain_post").Values, options.Confidence)
            .AddRowsTo(table, "episode");
        PairedEffectSize.Compute(sessions.Numeric(SessionColumns.PainPre).Values, sessions.Numeric(SessionColumns.PainPost).Values, options.Confidence)
            .AddRowsTo(table, "session");
        table.AddNote("Change = post - pre, so negative effect sizes mean less pain. episode: first pain_pre vs last pain_post, one pair per client.");
        table.AddNote("session: every session's pre/post pair; its CI treats sessions as independent (too narrow when clients have several sessions).");
        return table;
    }

    /// <summary>Loads the session data (rows with validation errors are excluded; see <c>nmt validate</c>).</summary>
    internal static ColumnTable Load(FileInfo? data, bool demo) => DataInput.LoadDataset(data, demo).Table;
}
