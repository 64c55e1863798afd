using Nmt.Analytics.Benchmarking;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt benchmark (DATA|--demo) [--outcome episode_change|responder] [--min-clients 11] [--no-overdispersion]
/// [--reference S1.json ...] [--format table|json|csv]</c> and
/// <c>nmt benchmark export (DATA|--demo) --out S.json [--outcome ...] [--min-clients 11] [--pseudonymise] [--allow-small-cells] [--force]</c>:
/// <see cref="BenchmarkRequest"/>.
/// </summary>
internal static class BenchmarkCommand
{
    /// <summary>Creates the command with its <c>export</c> subcommand.</summary>
    public static Command Create(CliContext context)
    {
        var (outcome, minClients, format) = (OutcomeOption(), MinClientsOption(), CommonOptions.FormatOption());
        var noOverdispersion = Declare.Option<bool>("--no-overdispersion",
            "Turn off the (default) widening of funnel limits and intervals by the estimated overdispersion phi (Spiegelhalter 2005); without it many ordinary clinics are flagged.");
        var overdispersion = new Option<bool>("--overdispersion") { Description = "The default; kept for old scripts.", Hidden = true };
        var reference = new Option<FileInfo[]>("--reference")
        {
            Description = "Shared summaries of other clinics (from nmt benchmark export) to compare against.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("benchmark", "Case-mix-adjusted clinic comparison with funnel limits and small-cell suppression.")
        {
            CommonOptions.DataArgument(), CommonOptions.DemoOption(), outcome, minClients, noOverdispersion, overdispersion, reference, format, Export(context),
        };
        var engine = new EngineCommandOptions(command);
        command.SetAction(parse => context.Print(parse.GetValue(format), () => new BenchmarkRequest
        {
            Engine = engine.Read(parse),
            Outcome = parse.GetValue(outcome) ?? "episode_change",
            MinClients = parse.GetValue(minClients),
            Overdispersion = !parse.GetValue(noOverdispersion),
            References = [.. (parse.GetValue(reference) ?? []).Select(f => f.FullName)],
        }.Run(CommonOptions.Source(parse))));
        return command;
    }

    private static Command Export(CliContext context)
    {
        var (outcome, minClients, format) = (OutcomeOption(), MinClientsOption(), CommonOptions.FormatOption());
        var output = Declare.Required<FileInfo>("--out", "Summary JSON to write (aggregates only).");
        var pseudonymise = Declare.Option<bool>("--pseudonymise", "Replace clinic ids by random labels (X-3f9a0c1d); the key is not kept.");
        var allowSmallCells = Declare.Option<bool>("--allow-small-cells",
            "Export even when a covariate level is held by 1 to --min-clients - 1 of the exported clients (refused by default: such sums are small cells).");
        var strict = new Option<bool>("--strict-cells") { Description = "The default; kept for old scripts.", Hidden = true };
        var force = Declare.Option<bool>("--force", "Replace an existing --out file.");
        var command = new Command("export", "Write a shareable, aggregate-only benchmark summary (no rows, no client ids, small clinics left out).")
        {
            CommonOptions.DataArgument(), CommonOptions.DemoOption(), outcome, minClients, output, pseudonymise, allowSmallCells, strict, force, format,
        };
        command.SetAction(parse => context.Print(parse.GetValue(format), () =>
            new BenchmarkRequest { Outcome = parse.GetValue(outcome) ?? "episode_change", MinClients = parse.GetValue(minClients) }
                .Export(CommonOptions.Source(parse), parse.GetValue(output)!.FullName, parse.GetValue(pseudonymise), !parse.GetValue(allowSmallCells), parse.GetValue(force))));
        return command;
    }

    private static Option<string> OutcomeOption() =>
        Declare.Option("--outcome", "Outcome: episode_change (lower is better) or responder (higher is better).", "episode_change");

    private static Option<int> MinClientsOption() =>
        Declare.Option("--min-clients", "Suppress clinics with fewer clients than this (no figures anywhere).", BenchmarkOptions.DefaultMinClients);
}
