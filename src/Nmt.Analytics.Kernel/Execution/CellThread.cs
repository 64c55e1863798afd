using Microsoft.CodeAnalysis.Scripting;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.Kernel.Execution;

/// <summary>
/// Runs one cell's submission on a thread of its own so it can be interrupted: first cooperatively (the
/// cancellation token, a stopped output sink that makes the next print throw, <see cref="Thread.Interrupt"/>
/// for a cell blocked in <c>Sleep</c>, <c>Wait</c> or <c>Join</c>); if the cell still runs after a grace
/// period, the kernel stops waiting for it and goes on (.NET cannot abort a thread, so a busy loop that
/// neither prints nor blocks keeps its core until the kernel restarts).
/// </summary>
internal sealed class CellThread
{
    private readonly TaskCompletionSource<ScriptState<object?>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private int _interrupted;

    public CellThread(Func<Task<ScriptState<object?>>> start)
    {
        _thread = new Thread(() => Body(start)) { IsBackground = true, Name = "nmt-cell" };
    }

    /// <summary>Completes with the cell's state or its exception (or an abandonment after an interrupt).</summary>
    public Task<ScriptState<object?>> Completion => _done.Task;

    public bool Interrupted => Volatile.Read(ref _interrupted) != 0;

    public void Start() => _thread.Start();

    /// <summary>Asks the cell to stop; after <paramref name="grace"/> it is abandoned if still running.</summary>
    public void Interrupt(TimeSpan grace)
    {
        if (Interlocked.Exchange(ref _interrupted, 1) != 0)
        {
            return;
        }
        _thread.Interrupt();
        _ = Task.Delay(grace).ContinueWith(
            _ => _done.TrySetException(new CellInterruptedException(
                $"the cell did not stop within {grace.TotalSeconds:0.#} s of the interrupt; the kernel stopped waiting for it " +
                "(it may still use a core until the kernel restarts). Variables keep their values from before this cell.")),
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Body(Func<Task<ScriptState<object?>>> start)
    {
        try
        {
            _done.TrySetResult(start().GetAwaiter().GetResult());
        }
#pragma warning disable CA1031 // The cell's failure is reported through the task, never thrown on this thread.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _done.TrySetException(e);
        }
    }
}
