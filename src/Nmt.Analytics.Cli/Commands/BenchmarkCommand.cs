using System.CommandLine;
using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Data;
using Nmt.Analytics.Engines;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt benchmark (DATA|--demo) [--outcome episode_change|responder] [--min-clients 11] [--no-overdispersion]
/// [--reference S1.json ...] [--format table|json|csv]</c> and
/// <c>nmt benchmark export (DATA|--demo) --out S.json [--outcome ...] [--min-clients 11] [--pseudonymise] [--allow-small-cells] [--force]</c>.
/// </summary>
internal static class BenchmarkCommand
{
    /// <summary>Creates the command with its <c>export</c> subcommand.</summary>
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.DataArgument();
        var demo = CommonOptions.DemoOption();
        var outcome = OutcomeOption();
        var minClients = MinClientsOption();
        var noOverdispersion = new Option<bool>("--no-overdispersion")
        {
            Description = "Turn off the (default) widening of funnel limits and intervals by the estimated overdispersion phi (Spiegelhalter 2005); without it many ordinary clinics are flagged.",
        };
        var overdispersion = new Option<bool>("--overdispersion") { Description = "The default; kept for old scripts.", Hidden = true };
        var reference = new Option<FileInfo[]>("--reference")
        {
            Description = "Shared summaries of other clinics (from nmt benchmark export) to compare against.",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = CliContext.FormatOption();
        var command = new Command("benchmark", "Case-mix-adjusted clinic comparison with funnel limits and small-cell suppression.");
        command.Arguments.Add(data);
        foreach (var option in new Option[] { demo, outcome, minClients, noOverdispersion, overdispersion, reference, format })
        {
            command.Options.Add(option);
        }
        var engine = new EngineCommandOptions(command);
        command.SetAction(parse => context.Guard(() =>
        {
            var options = Options(parse.GetValue(outcome), parse.GetValue(minClients), !parse.GetValue(noOverdispersion));
            var summaries = (parse.GetValue(reference) ?? []).Select(f => BenchmarkSummary.Load(f.FullName)).ToList();
            if (engine.Requested(parse))
            {
                return engine.Run(context, parse, source => EngineBenchmark.Statements(source, options), source =>
                {
                    var benchmarked = EngineBenchmark.Run(source, options, summaries);
                    EngineCommandOptions.Write(context, parse.GetValue(format), benchmarked.ToJson(), benchmarked.Tables(), benchmarked.Summary());
                    return 0;
                });
            }
            var loaded = Load(parse.GetValue(data), parse.GetValue(demo));
            var result = ClinicBenchmark.Run(loaded.Table, options, summaries);
            context.WriteResult(parse.GetValue(format), result.ToJson(), result.Tables(), loaded.Account(result.Exclusions));
            return 0;
        }));
        command.Subcommands.Add(Export(context));
        return command;
    }

    private static Command Export(CliContext context)
    {
        var data = CommonOptions.DataArgument();
        var demo = CommonOptions.DemoOption();
        var outcome = OutcomeOption();
        var minClients = MinClientsOption();
        var output = new Option<FileInfo>("--out") { Description = "Summary JSON to write (aggregates only).", Required = true };
        var pseudonymise = new Option<bool>("--pseudonymise") { Description = "Replace clinic ids by random labels (X-3f9a0c1d); the key is not kept." };
        var allowSmallCells = new Option<bool>("--allow-small-cells")
        {
            Description = "Export even when a covariate level is held by 1 to --min-clients - 1 of the exported clients (refused by default: such sums are small cells).",
        };
        var strict = new Option<bool>("--strict-cells") { Description = "The default; kept for old scripts.", Hidden = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing --out file." };
        var format = CliContext.FormatOption();
        var command = new Command("export", "Write a shareable, aggregate-only benchmark summary (no rows, no client ids, small clinics left out).");
        command.Arguments.Add(data);
        foreach (var option in new Option[] { demo, outcome, minClients, output, pseudonymise, allowSmallCells, strict, force, format })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => context.Guard(() =>
        {
            var options = Options(parse.GetValue(outcome), parse.GetValue(minClients), false);
            var path = OutputFiles.CheckFile(parse.GetValue(output)!.FullName, parse.GetValue(force));
            var loaded = Load(parse.GetValue(data), parse.GetValue(demo));
            var summary = BenchmarkSummary.Create(loaded.Table, options, parse.GetValue(pseudonymise), strictCells: !parse.GetValue(allowSmallCells));
            OutputFiles.WriteFile(path, parse.GetValue(force), temp => File.WriteAllText(temp, summary.ToJson(), new System.Text.UTF8Encoding(false)));
            context.Error.WriteLine(loaded.Account().Summary());
            context.WriteTables(parse.GetValue(format), [summary.ExportTable(path)], ["export"]);
            return 0;
        }));
        return command;
    }

    /// <summary>Validates the shared options.</summary>
    private static BenchmarkOptions Options(string? outcome, int minClients, bool overdispersion)
    {
        var options = new BenchmarkOptions
        {
            Outcome = BenchmarkOutcomes.Parse(outcome ?? "episode_change"),
            MinClients = minClients,
            Overdispersion = overdispersion,
        };
        options.Validate();
        return options;
    }

    private static Option<string> OutcomeOption() => new("--outcome")
    {
        Description = "Outcome: episode_change (lower is better) or responder (higher is better).",
        DefaultValueFactory = _ => "episode_change",
    };

    private static Option<int> MinClientsOption() => new("--min-clients")
    {
        Description = "Suppress clinics with fewer clients than this (no figures anywhere).",
        DefaultValueFactory = _ => BenchmarkOptions.DefaultMinClients,
    };

    /// <summary>Loads the session data (the DATA file, or the bundled demo data with --demo).</summary>
    private static LoadedData Load(FileInfo? data, bool demo) => DataInput.Load(data, demo, LoadOptions.Default.WithShape(DataShape.Session));
}
