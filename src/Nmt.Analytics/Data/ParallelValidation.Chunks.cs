using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Nmt.Analytics.Data;

internal static partial class ParallelValidation
{
    /// <summary>
    /// The chunked run: the calling thread cuts the file into chunks (<see cref="CsvChunker"/>), thread-pool threads parse
    /// and check whole chunks (each with its own reader and checker), and the calling thread replays the checked
    /// batches chunk by chunk in file order. At most <see cref="MaxChunksInFlight"/> chunks are read ahead.
    /// </summary>
    private sealed class ChunkRun(CsvChunker chunker, IReadOnlyList<string> header, CsvFormat format, SessionScanner coordinator,
        string sourceName, LoadOptions options, int batchRows)
    {
        private const int MaxChunksInFlight = 4;
        private readonly ConcurrentBag<RowBatch> _free = [];
        private readonly ConcurrentBag<SessionScanner> _checkers = [];
        private readonly Queue<Task<List<RowBatch>>> _pending = new();

        public void ReadAll()
        {
            try
            {
                while (chunker.Next() is { } chunk)
                {
                    _pending.Enqueue(Task.Run(() => Parse(chunk)));
                    while (_pending.Count > 0 && (_pending.Count >= MaxChunksInFlight || _pending.Peek().IsCompleted))
                    {
                        ReplayHead();
                    }
                }
                while (_pending.Count > 0)
                {
                    ReplayHead();
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
                using var source = CsvRowSource.OpenRecords(chunk.Bytes, format, header, chunk.FirstLine);
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
