namespace Nmt.Analytics.Data;

/// <summary>
/// Runs chunk work on thread-pool threads, one fewer than the cores, and on the calling thread when they are all busy:
/// every core works, and the calling thread never waits (a waiting thread spins first, which costs CPU).
/// </summary>
internal sealed class ChunkWorkers
{
    private readonly int _workers = Math.Max(1, Environment.ProcessorCount - 1);
    private int _busy;

    /// <summary>Starts <paramref name="work"/> on an idle worker, or runs it now on this thread (the task is then complete).</summary>
    public Task<T> Run<T>(Func<T> work)
    {
        if (Volatile.Read(ref _busy) >= _workers)
        {
            return Task.FromResult(work());
        }
        Interlocked.Increment(ref _busy);
        return Task.Run(() =>
        {
            try
            {
                return work();
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
            }
        });
    }
}
