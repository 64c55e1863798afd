using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Synthetic;

/// <summary>
/// <c>nmt simulate</c>: simulated session data with planted effects (<see cref="SessionSimulator"/>) written as a
/// session CSV, and the ground truth as JSON when asked; the output is a one-row table of what was written.
/// </summary>
/// <param name="Options">What to simulate.</param>
/// <param name="Output">The session CSV to write.</param>
/// <param name="Truth">The ground-truth JSON to write, or null.</param>
/// <param name="Force">Replace existing files.</param>
public sealed record SimulateRequest(SimulationOptions Options, string Output, string? Truth = null, bool Force = false)
{
    /// <summary>The largest simulation (about 6.5 sessions per client are held in memory before writing).</summary>
    public const int MaxClients = 5_000_000;

    /// <summary>Simulates and writes the files (each built beside its target and moved into place when complete).</summary>
    /// <exception cref="NmtInputException">Too many clients, an existing file without <see cref="Force"/>, or one name for both files.</exception>
    public ResultOutput Run()
    {
        ArgumentNullException.ThrowIfNull(Options);
        if (Options.Clients > MaxClients)
        {
            throw new NmtInputException($"--clients must be at most {MaxClients:N0} (got {Options.Clients}); simulate several files with different seeds for more.");
        }
        var csvPath = OutputFiles.CheckFile(Output, Force);
        var truthPath = Truth is null ? null : OutputFiles.CheckFile(Truth, Force);
        if (string.Equals(csvPath, truthPath, StringComparison.Ordinal))
        {
            throw new NmtInputException("--out and --truth name the same file; give the ground truth its own name (e.g. truth.json).");
        }
        var simulated = SessionSimulator.Simulate(Options);
        OutputFiles.WriteFile(csvPath, Force, path => SessionCsvWriter.Write(simulated.Table, path));
        if (truthPath is not null)
        {
            OutputFiles.WriteFile(truthPath, Force, simulated.Truth.Save);
        }
        return ResultOutput.OfTables([Summary(simulated, csvPath, truthPath)], ["simulation"]);
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
