using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt simulate --clients N [--clinics C] [--seed S] --out FILE [--truth FILE.json] [--continuous-pain] [--no-missing]</c>: <see cref="SimulateRequest"/>.</summary>
internal static class SimulateCommand
{
    public static Command Create(CliContext context)
    {
        var clients = Declare.Required<int>("--clients", "Number of simulated clients (episodes of care).");
        var clinics = Declare.Option("--clinics", "Number of clinics.", 12);
        var seed = Declare.Option("--seed", "Random seed (same seed, same data).", 1L);
        var output = Declare.Required<FileInfo>("--out", "Sessions CSV to write.");
        var truth = Declare.Option<FileInfo?>("--truth", "Also write the planted ground truth as JSON.");
        var continuous = Declare.Option<bool>("--continuous-pain", "Record unrounded pain (default: integer NPRS 0-10).");
        var complete = Declare.Option<bool>("--no-missing", "Leave out the planted MCAR missingness.");
        var force = Declare.Option<bool>("--force", "Replace existing --out/--truth files.");
        var format = CommonOptions.FormatOption();
        var command = new Command("simulate", "Simulate NMT session data with planted, documented effects (docs/simulator.md).")
        {
            clients, clinics, seed, output, truth, continuous, complete, force, format,
        };
        command.SetAction(parse => context.Print(parse.GetValue(format), () => new SimulateRequest(
            new SimulationOptions
            {
                Clients = parse.GetValue(clients),
                Clinics = parse.GetValue(clinics),
                Seed = parse.GetValue(seed),
                IntegerPain = !parse.GetValue(continuous),
                Missingness = !parse.GetValue(complete),
            },
            parse.GetValue(output)!.FullName, parse.GetValue(truth)?.FullName, parse.GetValue(force)).Run()));
        return command;
    }
}
