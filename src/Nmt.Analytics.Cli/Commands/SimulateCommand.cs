using System.CommandLine;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt simulate --clients N [--clinics C] [--seed S] --out FILE [--truth FILE.json] [--continuous-pain] [--no-missing]</c>.</summary>
internal static class SimulateCommand
{
    /// <summary>The largest simulation (about 6.5 sessions per client are held in memory before writing).</summary>
    private const int MaxClients = 5_000_000;

    public static Command Create(CliContext context)
    {
        var clients = new Option<int>("--clients") { Description = "Number of simulated clients (episodes of care).", Required = true };
        var clinics = new Option<int>("--clinics") { Description = "Number of clinics.", DefaultValueFactory = _ => 12 };
        var seed = new Option<long>("--seed") { Description = "Random seed (same seed, same data).", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out") { Description = "Sessions CSV to write.", Required = true };
        var truth = new Option<FileInfo?>("--truth") { Description = "Also write the planted ground truth as JSON." };
        var continuous = new Option<bool>("--continuous-pain") { Description = "Record unrounded pain (default: integer NPRS 0-10)." };
        var complete = new Option<bool>("--no-missing") { Description = "Leave out the planted MCAR missingness." };
        var force = new Option<bool>("--force") { Description = "Replace existing --out/--truth files." };
        var format = CliContext.FormatOption();
        var command = new Command("simulate", "Simulate NMT session data with planted, documented effects (docs/simulator.md).");
        foreach (var option in new Option[] { clients, clinics, seed, output, truth, continuous, complete, force, format })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => context.Guard(() =>
        {
            var options = new SimulationOptions
            {
                Clients = parse.GetValue(clients),
                Clinics = parse.GetValue(clinics),
                Seed = parse.GetValue(seed),
                IntegerPain = !parse.GetValue(continuous),
                Missingness = !parse.GetValue(complete),
            };
            if (options.Clients > MaxClients)
            {
                throw new NmtInputException($"--clients must be at most {MaxClients:N0} (got {options.Clients}); simulate several files with different seeds for more.");
            }
            var replace = parse.GetValue(force);
            var csvPath = OutputFiles.CheckFile(parse.GetValue(output)!.FullName, replace);
            var truthPath = parse.GetValue(truth) is { } t ? OutputFiles.CheckFile(t.FullName, replace) : null;
            if (string.Equals(csvPath, truthPath, StringComparison.Ordinal))
            {
                throw new NmtInputException("--out and --truth name the same file; give the ground truth its own name (e.g. truth.json).");
            }
            var simulated = SessionSimulator.Simulate(options);
            OutputFiles.WriteFile(csvPath, replace, path => SessionCsvWriter.Write(simulated.Table, path));
            if (truthPath is not null)
            {
                OutputFiles.WriteFile(truthPath, replace, simulated.Truth.Save);
            }
            context.WriteTables(parse.GetValue(format), [Summary(simulated, csvPath, truthPath)], ["simulation"]);
            return 0;
        }));
        return command;
    }

    private static ResultTable Summary(SimulatedSessions simulated, string csvPath, string? truthPath)
    {
        var table = new ResultTable("Simulation", "file", "rows", "clients", "clinics", "seed");
        table.AddRow(csvPath, simulated.Table.RowCount, simulated.Truth.Options.Clients, simulated.Truth.Options.Clinics, simulated.Truth.Options.Seed);
        if (truthPath is not null)
        {
            table.AddNote($"ground truth written to {truthPath}");
        }
        return table;
    }
}
