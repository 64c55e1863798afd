using System.Diagnostics;
using Microsoft.CodeAnalysis.Scripting;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Runs the C# cells of a Polyglot notebook in order with Roslyn scripting (<c>CSharpScript.RunAsync</c>, then
/// <c>ContinueWithAsync</c>, so variables and usings carry from cell to cell) and stores each cell's outputs
/// in the notebook. Stops at the first failing or refused cell, which gets an <c>error</c> output.
/// </summary>
/// <remarks>
/// While running, the process's console output and current directory (the notebook's folder, as in Jupyter)
/// belong to the notebook: run one notebook at a time per process.
/// </remarks>
public sealed class NotebookExecutor
{
    /// <summary>Default limit for one cell.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Creates an executor; <paramref name="cellTimeout"/> bounds each cell (default <see cref="DefaultCellTimeout"/>).</summary>
    public NotebookExecutor(TimeSpan? cellTimeout = null) => CellTimeout = cellTimeout ?? DefaultCellTimeout;

    /// <summary>The longest a single cell may run.</summary>
    public TimeSpan CellTimeout { get; }

    /// <summary>Raised before and after each code cell.</summary>
    public event EventHandler<CellProgressEventArgs>? CellProgress;

    /// <summary>Runs every code cell of <paramref name="notebook"/>, filling in its outputs.</summary>
    public async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var run = new Run(notebook, this);
        var originalOut = Console.Out;
        var originalError = Console.Error;
        var originalDirectory = Environment.CurrentDirectory;
        Console.SetOut(run.StdOut);
        Console.SetError(run.StdErr);
        Environment.CurrentDirectory = Path.GetDirectoryName(notebook.Path) ?? originalDirectory;
        try
        {
            return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Environment.CurrentDirectory = originalDirectory;
        }
    }

    private void Report(CellProgressEventArgs progress) => CellProgress?.Invoke(this, progress);

    /// <summary>The state of one run: the shared script session plus counters.</summary>
    private sealed class Run(NotebookDocument notebook, NotebookExecutor executor)
    {
        private readonly ScriptSession _session = new(Path.GetDirectoryName(notebook.Path) ?? ".", notebook.Name);
        private readonly int _codeCellCount = notebook.Cells.Count(c => c.IsCode);

        public TextWriter StdOut => _session.StdOut;

        public TextWriter StdErr => _session.StdErr;

        public async Task<NotebookRunResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var codeNumber = 0;
            foreach (var cell in notebook.Cells.Where(c => c.IsCode))
            {
                codeNumber++;
                cell.Outputs.Clear();
                cell.ExecutionCount = codeNumber;
                executor.Report(new CellProgressEventArgs(cell, codeNumber, _codeCellCount, CellPhase.Started, TimeSpan.Zero));
                var cellClock = Stopwatch.StartNew();
                var request = new CellRequest(cell.Source, $"cell{cell.Number}", codeNumber, cell.KernelName ?? notebook.DefaultKernelName);
                var error = await _session.RunCellAsync(request, new CellOutputSink(cell.Outputs), RunBounded, executor.CellTimeout, cancellationToken)
                    .ConfigureAwait(false);
                var phase = error is null ? CellPhase.Succeeded : CellPhase.Failed;
                executor.Report(new CellProgressEventArgs(cell, codeNumber, _codeCellCount, phase, cellClock.Elapsed));
                if (error is not null)
                {
                    var message = $"notebook {notebook.Name}, cell {cell.Number} (code cell {codeNumber}): {error.Summary}";
                    return new NotebookRunResult(codeNumber - 1, new NotebookFailure(cell.Number, codeNumber, message), _session.Notes, clock.Elapsed);
                }
            }
            return new NotebookRunResult(codeNumber, null, _session.Notes, clock.Elapsed);
        }

        /// <summary>Runs a submission on the thread pool, bounded by the cell timeout.</summary>
        private Task<ScriptState<object?>> RunBounded(Func<Task<ScriptState<object?>>> start, CancellationToken cancellationToken) =>
            Task.Run(start, cancellationToken).WaitAsync(executor.CellTimeout, cancellationToken);
    }
}
