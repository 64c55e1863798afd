using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Nmt.Analytics.Data;

internal static partial class ParallelValidation
{
    /// <summary>
    /// The chunked run: the calling thread cuts the file into chunks (<see cref="CsvChunker"/>) and hands them to
    /// thread-pool threads (one fewer than the cores), which parse and check whole chunks, each with its own reader and
    /// checker; it replays the checked batches chunk by chunk in file order as soon as the oldest chunk is done, and
    /// parses a chunk itself rather than wait (waiting threads would spin). At most <see cref="MaxPending"/> chunks are
    /// read ahead, so memory stays bounded.
    /// </summary>
    private sealed class ChunkRun(CsvChunker chunker, IReadOnlyList<string> header, CsvFormat format, SessionScanner coordinator,
        string sourceName, LoadOptions options, int batchRows)
    {
        private const int MaxPending = 6;
        private readonly ChunkWorkers _workers = new();
        private readonly ConcurrentBag<RowBatch> _free = [];
        private readonly ConcurrentBag<SessionScanner> _checkers = [];
        private readonly Queue<Task<List<RowBatch>>> _pending = new();

        public void ReadAll()
        {
            try
            {
                var more = true;
                while (more || _pending.Count > 0)
                {
                    while (_pending.Count > 0 && _pending.Peek().IsCompleted)
                    {
                        ReplayHead();
                    }
                    if (!more || _pending.Count >= MaxPending)
                    {
                        if (_pending.Count > 0)
                        {
                            ReplayHead();
                        }
                        continue;
                    }
                    if (chunker.Next() is { } chunk)
                    {
                        _pending.Enqueue(_workers.Run(() => Parse(chunk)));
                    }
                    else
                    {
                        more = false;
                    }
                }
            }
            finally
            {
                WaitForAll();
            }
        }

        /// <summary>
        /// Parses and checks one chunk on a pool thread, straight from its reader (the rows' text is not copied); a
        /// malformed record ends it, stored in its last batch.
        /// </summary>
        private List<RowBatch> Parse(CsvChunk chunk)
        {
            var checker = _checkers.TryTake(out var idle) ? idle : SessionScanner.Checker(new BatchRowSource(header, format), sourceName, options);
            var batches = new List<RowBatch>();
            try
            {
                using var source = new QuoteFreeRows(chunk.Bytes, header, format, chunk.FirstLine);
                while (true)
                {
                    var batch = Rent();
                    batches.Add(batch);
                    try
                    {
                        checker.CheckRows(source, batch);
                    }
                    catch (NmtInputException e)
                    {
                        batch.Error = e;
                    }
                    if (batch.Error is not null || batch.Count < batch.Capacity)
                    {
                        return batches;
                    }
                }
            }
            finally
            {
                chunk.Release();
                _checkers.Add(checker);
            }
        }

        private RowBatch Rent() => _free.TryTake(out var batch) ? batch : new RowBatch(batchRows, coordinator.QuasiIdentifierCount);

        private void ReplayHead()
        {
            foreach (var batch in _pending.Dequeue().GetAwaiter().GetResult())
            {
                coordinator.Replay(batch);
                if (batch.Error is { } error)
                {
                    ExceptionDispatchInfo.Throw(error);
                }
                batch.Clear();
                _free.Add(batch);
            }
        }

        private void WaitForAll()
        {
            while (_pending.TryDequeue(out var task))
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // Only the threads are waited for: the first error in file order was thrown by ReplayHead.
                }
            }
        }
    }
}
