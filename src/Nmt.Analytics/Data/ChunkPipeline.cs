using System.Runtime.ExceptionServices;

namespace Nmt.Analytics.Data;

/// <summary>
/// Parses the chunks of a <see cref="CsvChunker"/> on every core and hands the results to the calling thread in file
/// order. Each worker thread (one fewer than the cores) takes the next chunk itself as soon as it is free, so no core
/// waits for a dispatcher; the calling thread consumes the results in order and, whenever the next one is not ready,
/// parses a chunk too instead of waiting. At most <c>maxInFlight</c> chunks are taken but not yet consumed, so memory
/// stays bounded. The workers are dedicated threads that block when idle: thread-pool workers spin while they wait
/// for work, which on a two-core machine takes CPU from the thread doing it.
/// </summary>
/// <typeparam name="T">What parsing one chunk gives.</typeparam>
internal sealed class ChunkPipeline<T>
{
    private readonly object _gate = new();
    private readonly Dictionary<long, (T? Result, ExceptionDispatchInfo? Failure)> _done = [];
    private readonly CsvChunker _chunker;
    private readonly Func<CsvChunk, T> _parse;
    private readonly int _maxInFlight;
    private long _taken, _consumed;
    private bool _ended, _stopped;

    /// <param name="chunker">The chunks, taken in order under a lock.</param>
    /// <param name="parse">Parses one chunk; runs on any thread, so it must only touch state of its own.</param>
    /// <param name="maxInFlight">Chunks taken but not yet consumed, at most.</param>
    public ChunkPipeline(CsvChunker chunker, Func<CsvChunk, T> parse, int maxInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        (_chunker, _parse, _maxInFlight) = (chunker, parse, maxInFlight);
    }

    /// <summary>
    /// Parses every chunk and calls <paramref name="consume"/> on the results in file order, on this thread. An
    /// exception from the parser is rethrown when its chunk's turn comes; one from
    /// <paramref name="consume"/> stops the workers (after their current chunk) and is rethrown.
    /// </summary>
    public void Run(Action<T> consume)
    {
        var workers = Enumerable.Range(1, Math.Max(1, Environment.ProcessorCount - 1))
            .Select(_ => new Thread(Work) { IsBackground = true, Name = "nmt chunk parser" })
            .ToList();
        workers.ForEach(w => w.Start());
        try
        {
            while (NextTurn(out var outcome, out var own))
            {
                if (own is { } chunk)
                {
                    Complete(chunk.Seq, chunk.Chunk);
                    continue;
                }
                outcome.Failure?.Throw();
                consume(outcome.Result!);
                lock (_gate)
                {
                    _consumed++;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
            workers.ForEach(w => w.Join());
        }
    }

    /// <summary>The next result in order, or else a chunk for this thread to parse; false when all are consumed.</summary>
    private bool NextTurn(out (T? Result, ExceptionDispatchInfo? Failure) outcome, out (CsvChunk Chunk, long Seq)? own)
    {
        own = null;
        lock (_gate)
        {
            while (!_done.Remove(_consumed, out outcome))
            {
                if (TryTake(out var chunk, out var seq))
                {
                    own = (chunk, seq);
                    return true;
                }
                // Checked after TryTake, which may just have found the end (or a read error, stored as the next result).
                if (_done.ContainsKey(_consumed))
                {
                    continue;
                }
                if (_ended && _consumed == _taken)
                {
                    return false;
                }
                Monitor.Wait(_gate);
            }
            return true;
        }
    }

    private void Work()
    {
        while (true)
        {
            CsvChunk chunk;
            long seq;
            lock (_gate)
            {
                while (!TryTake(out chunk, out seq))
                {
                    if (_ended || _stopped)
                    {
                        return;
                    }
                    Monitor.Wait(_gate);
                }
            }
            Complete(seq, chunk);
        }
    }

    /// <summary>Takes the next chunk (under the lock) unless the end is reached, the run stopped, or too many are in flight.</summary>
    private bool TryTake(out CsvChunk chunk, out long seq)
    {
        (chunk, seq) = (null!, -1);
        if (_ended || _stopped || _taken - _consumed >= _maxInFlight)
        {
            return false;
        }
        CsvChunk? next;
        try
        {
            next = _chunker.Next();
        }
        catch (Exception e)
        {
            // A read error (an I/O failure) is rethrown in its turn, after the chunks before it.
            _done[_taken++] = (default, ExceptionDispatchInfo.Capture(e));
            next = null;
        }
        if (next is null)
        {
            _ended = true;
            Monitor.PulseAll(_gate);
            return false;
        }
        (chunk, seq) = (next, _taken++);
        return true;
    }

    private void Complete(long seq, CsvChunk chunk)
    {
        (T? Result, ExceptionDispatchInfo? Failure) outcome;
        try
        {
            outcome = (_parse(chunk), null);
        }
        catch (Exception e)
        {
            outcome = (default, ExceptionDispatchInfo.Capture(e));
        }
        lock (_gate)
        {
            _done[seq] = outcome;
            Monitor.PulseAll(_gate);
        }
    }
}
