using System.Globalization;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// <c>nmt notebook run</c>: runs every C# cell of a notebook in order (<see cref="NotebookExecutor"/>) and saves it with
/// its outputs — also when a cell fails, so the error output can be read in the notebook (exit code 1).
/// </summary>
/// <param name="Path">The notebook to run.</param>
/// <param name="Output">Where to save the executed notebook; null: the notebook itself.</param>
/// <param name="TimeoutSeconds">Longest time one cell may run.</param>
public sealed record NotebookRunRequest(string Path, string? Output, int TimeoutSeconds)
{
    /// <summary>Runs the notebook, telling <paramref name="progress"/> one line as each cell starts and ends.</summary>
    /// <exception cref="NmtInputException">A timeout that is not positive, or a notebook that cannot be read.</exception>
    public ResultOutput Run(Action<string>? progress = null)
    {
        if (TimeoutSeconds <= 0)
        {
            throw new NmtInputException($"--timeout must be a positive number of seconds, not {TimeoutSeconds}.");
        }
        var notebook = NotebookDocument.Load(Path);
        var executor = new NotebookExecutor(TimeSpan.FromSeconds(TimeoutSeconds));
        executor.CellProgress += (_, e) => progress?.Invoke(Describe(e));
        var result = executor.RunAsync(notebook).GetAwaiter().GetResult();
        var target = Output ?? notebook.Path;
        notebook.Save(target);
        var notes = result.Notes.Select(note => $"note: {note}").ToList();
        if (result.Failure is { } failure)
        {
            return ResultOutput.PlainLines([]) with
            {
                Messages = [.. notes, $"error: {failure.Message}", $"(the notebook with the error output was written to {target})"],
                ExitCode = 1,
            };
        }
        var summary = string.Create(CultureInfo.InvariantCulture, $"ran {result.CodeCellsRun} code cells of {notebook.Name} in {result.Elapsed.TotalSeconds:0.0} s; wrote {target}");
        return ResultOutput.PlainText(summary) with { Messages = notes };
    }

    /// <summary>The progress line of a cell: <c>[k/n] cell c running</c>, <c>… ok (1.2 s, 3 outputs)</c> or <c>… FAILED (0.4 s)</c>.</summary>
    public static string Describe(CellProgressEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"[{e.CodeCellNumber}/{e.CodeCellCount}] cell {e.Cell.Number}");
        return e.Phase switch
        {
            CellPhase.Started => $"{prefix} running",
            CellPhase.Succeeded => string.Create(CultureInfo.InvariantCulture, $"{prefix} ok ({e.Elapsed.TotalSeconds:0.0} s, {e.Cell.Outputs.Count} outputs)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{prefix} FAILED ({e.Elapsed.TotalSeconds:0.0} s)"),
        };
    }
}
