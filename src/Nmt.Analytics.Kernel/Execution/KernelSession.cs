using System.Globalization;
using Microsoft.CodeAnalysis.Scripting;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.Kernel.Execution;

/// <summary>
/// The kernel's side of the shared <see cref="ScriptSession"/>: numbers executions, runs each cell on a
/// <see cref="CellThread"/>, streams outputs while the cell runs, bounds what one cell may print, and interrupts.
/// </summary>
internal sealed class KernelSession
{
    /// <summary>Console characters one cell may send; the rest is counted and reported.</summary>
    public const long MaxStreamChars = 1_000_000;

    /// <summary>Rich outputs (<c>display</c>) one cell may send.</summary>
    public const int MaxDisplays = 500;

    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private CellThread? _running;
    private CellOutputSink? _sink;
    private CancellationTokenSource? _cancel;

    public KernelSession(string folder) => Session = new ScriptSession(folder, "kernel", preloaded: true);

    public ScriptSession Session { get; }

    public int ExecutionCount { get; private set; }

    /// <summary>Runs <paramref name="code"/>; outputs go to <paramref name="emit"/> as they happen.</summary>
    public CellOutcome Execute(string code, bool storeHistory, Action<NotebookOutput> emit)
    {
        if (storeHistory)
        {
            ExecutionCount++;
        }
        var count = ExecutionCount;
        var notes = Session.Notes.Count;
        var displays = 0;
        var droppedDisplays = 0;
        var sink = new CellOutputSink(output =>
        {
            if (output is DisplayOutput { ExecutionCount: null } && ++displays > MaxDisplays)
            {
                droppedDisplays++;
                return;
            }
            emit(output);
        }, MaxStreamChars);
        using var cancel = new CancellationTokenSource();
        lock (_gate)
        {
            (_sink, _cancel) = (sink, cancel);
        }
        var timer = new Timer(_ => sink.Flush(), null, FlushInterval, FlushInterval);
        CellError? error;
        try
        {
            var request = new CellRequest(code, string.Create(CultureInfo.InvariantCulture, $"cell{count}"), count);
            error = Session.RunCellAsync(request, sink, RunOnCellThread, Timeout.InfiniteTimeSpan, cancel.Token).GetAwaiter().GetResult();
        }
        finally
        {
            timer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            lock (_gate)
            {
                (_sink, _cancel) = (null, null);
            }
        }
        sink.ReportDropped();
        foreach (var note in Session.Notes.Skip(notes))
        {
            emit(new StreamOutput("stderr", $"note: {note}\n"));
        }
        if (droppedDisplays > 0)
        {
            emit(new StreamOutput("stderr", string.Create(CultureInfo.InvariantCulture,
                $"[{droppedDisplays} more displays were dropped: a cell may show {MaxDisplays}]\n")));
        }
        return new CellOutcome(count, error?.Output);
    }

    /// <summary>Stops the running cell, if any (see <see cref="CellThread"/>); returns whether one was running.</summary>
    public bool Interrupt()
    {
        lock (_gate)
        {
            if (_running is null)
            {
                return false;
            }
            _cancel?.Cancel();
            _sink?.Stop();
            _running.Interrupt(InterruptGrace);
            return true;
        }
    }

    private async Task<ScriptState<object?>> RunOnCellThread(Func<Task<ScriptState<object?>>> start, CancellationToken cancellationToken)
    {
        var cell = new CellThread(start);
        lock (_gate)
        {
            _running = cell;
        }
        try
        {
            cell.Start();
            return await cell.Completion.ConfigureAwait(false);
        }
        catch (Exception e) when (cell.Interrupted && e is not CellInterruptedException)
        {
            throw new CellInterruptedException("the cell was interrupted");
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
        }
    }
}
