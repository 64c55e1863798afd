using System.CommandLine;
using Nmt.Analytics.Data;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt describe DATA [--by technique|region|stress|hydration|sleep|clinic|all] [--bootstrap B] [--seed S]
/// [--min-cell N] [--format table|json|csv]</c>: pain change by technique, region and factor, with CIs;
/// episode outcomes and responder rate; paired effect sizes.
/// </summary>
internal static class DescribeCommand
{
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
        var output = CliContext.FormatOption();
        var command = new Command("describe", "Pain change by technique, region and factor, with confidence intervals.");
        command.Arguments.Add(data);
        foreach (var option in new Option[] { demo, by, bootstrap, seed, minCell, output })
        {
            command.Options.Add(option);
        }
        var clinical = ClinicalDescribe.AddOptions(command);
        var engine = new EngineCommandOptions(command);
        command.SetAction(parseResult => context.Guard(() =>
        {
            if (engine.Requested(parseResult))
            {
                var engineOptions = parseResult.GetValue(clinical) ? throw new NmtInputException("--clinical needs the rows in memory; drop --engine.")
                    : Options(parseResult.GetValue(bootstrap), parseResult.GetValue(seed), parseResult.GetValue(minCell));
                var engineBy = DescriptiveAnalysis.ParseGroupings(parseResult.GetValue(by) ?? "all");
                return engine.Run(context, parseResult, source => EngineDescribe.Statements(source, engineBy, engineOptions), source =>
                {
                    var described = EngineDescribe.Run(source, engineBy, engineOptions);
                    EngineCommandOptions.Write(context, parseResult.GetValue(output), described.ToJson(), described.Tables, described.Summary());
                    return 0;
                });
            }
            LoadedData Load() => DataInput.Load(parseResult.GetValue(data), parseResult.GetValue(demo), LoadOptions.Default.WithShape(DataShape.Session));
            if (parseResult.GetValue(clinical))
            {
                return ClinicalDescribe.Run(context, parseResult, Load());
            }
            var options = Options(parseResult.GetValue(bootstrap), parseResult.GetValue(seed), parseResult.GetValue(minCell));
            var groupings = DescriptiveAnalysis.ParseGroupings(parseResult.GetValue(by) ?? "all");
            var loaded = Load();
            var result = DescriptiveAnalysis.Run(loaded.Table, groupings, options);
            context.WriteResult(parseResult.GetValue(output), result.ToJson(), result.Tables, loaded.Account(result.Exclusions));
            return 0;
        }));
        return command;
    }

    /// <summary>Validates the numeric options.</summary>
    private static SummaryOptions Options(int bootstrap, int seed, int minCell)
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
}
