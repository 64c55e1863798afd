using System.Runtime.ExceptionServices;

namespace Nmt.Analytics.Data;

/// <summary>
/// Validation of a CSV file on several cores, with exactly the sequential result. Quote-free text is cut into chunks
/// (<see cref="CsvChunker"/>) that are parsed and checked on every core (<c>ChunkRun</c>); from the first quote on, or
/// for a whole file whose header is not plain, one reader on the calling thread reads batches of rows whose row and
/// cell rules run either on a second thread or, when that thread is two batches behind, on the calling thread itself
/// (<c>Run</c>). Either way the calling thread replays the checked batches in file order — their issues, the
/// per-client rules (order, duplicates, days), the counts and the anonymity groups — so issues are kept and capped in
/// file order as in one pass, and a malformed CSV stops at the same row with the same error. At most a few chunks or
/// batches are in flight, so memory stays bounded.
/// </summary>
internal static partial class ParallelValidation
{
    /// <summary>Files smaller than this are validated in one thread (a second thread would cost more than it saves).</summary>
    public const long MinBytes = 4 << 20;

    /// <summary>Rows per batch.</summary>
    public const int DefaultBatchRows = 256;

    private const int MaxQueuedOnWorker = 2;
    private const int MaxPending = 4;

    /// <summary>True when parallel validation is worth it for a CSV stream of this length.</summary>
    public static bool Worthwhile(Stream stream) =>
        Environment.ProcessorCount > 1 && stream.CanSeek && stream.Length - stream.Position >= MinBytes;

    /// <summary>Validates every row of <paramref name="source"/>, a reader of <paramref name="stream"/> opened at <paramref name="start"/>.</summary>
    /// <exception cref="NmtInputException">A malformed CSV (from the reader), after the rows before it were counted.</exception>
    public static ValidationReport Validate(CsvRowSource source, Stream stream, long start, string sourceName, LoadOptions options,
        int batchRows = DefaultBatchRows, int chunkBytes = CsvChunker.DefaultChunkBytes)
    {
        var coordinator = new SessionScanner(source, sourceName, options);
        if (source.IsEmpty)
        {
            return coordinator.Finish();
        }
        source.CloseRows();
        stream.Position = start;
        if (CsvChunker.Open(stream, chunkBytes) is not { } chunker)
        {
            stream.Position = start;
            using var whole = CsvRowSource.Open(stream, leaveOpen: true);
            return Sequential(whole, coordinator, sourceName, options, batchRows);
        }
        new ChunkRun(chunker, source.Header, source.Format!, coordinator, sourceName, options, batchRows).ReadAll();
        if (chunker.Stopped)
        {
            stream.Position = chunker.RestOffset;
            using var rest = CsvRowSource.OpenRecords(stream, source.Format!, source.Header, chunker.RestLine);
            Sequential(rest, coordinator, sourceName, options, batchRows);
        }
        return coordinator.Report();
    }

    /// <summary>One reader on the calling thread, its batches checked on two threads and replayed in order.</summary>
    private static ValidationReport Sequential(CsvRowSource source, SessionScanner coordinator, string sourceName, LoadOptions options, int batchRows)
    {
        var run = new Run(source, coordinator, sourceName, options, batchRows);
        try
        {
            run.ReadAll();
        }
        finally
        {
            run.WaitForWorker();
        }
        return coordinator.Report();
    }

    private sealed class Run(CsvRowSource source, SessionScanner coordinator, string sourceName, LoadOptions options, int batchRows)
    {
        private readonly SessionScanner _mine = SessionScanner.Checker(new BatchRowSource(source.Header, source.Format), sourceName, options);
        private readonly SessionScanner _theirs = SessionScanner.Checker(new BatchRowSource(source.Header, source.Format), sourceName, options);
        private readonly Queue<(RowBatch Batch, Task Checked)> _pending = new();
        private readonly Stack<RowBatch> _free = new();
        private Task _worker = Task.CompletedTask;
        private int _onWorker;

        public void ReadAll()
        {
            while (true)
            {
                var batch = Fill();
                if (batch.Count == 0 && batch.Error is null)
                {
                    break;
                }
                // Decided before the batch can be replayed and cleared below (reading on after a short batch, not before).
                var last = !batch.ReadOn;
                Check(batch);
                while (_pending.Count > 0 && (_pending.Peek().Checked.IsCompleted || _pending.Count >= MaxPending))
                {
                    ReplayHead();
                }
                if (last)
                {
                    break;
                }
            }
            while (_pending.Count > 0)
            {
                ReplayHead();
            }
        }

        public void WaitForWorker()
        {
            try
            {
                _worker.Wait();
            }
            catch (AggregateException)
            {
                // Rethrown in order by ReplayHead; here only the thread is waited for.
            }
        }

        private RowBatch Fill()
        {
            var batch = _free.Count > 0 ? _free.Pop() : new RowBatch(batchRows, coordinator.QuasiIdentifierCount);
            batch.Fill(source);
            return batch;
        }

        private void Check(RowBatch batch)
        {
            if (Volatile.Read(ref _onWorker) < MaxQueuedOnWorker)
            {
                Interlocked.Increment(ref _onWorker);
                _worker = _worker.ContinueWith(_ =>
                {
                    try
                    {
                        _theirs.CheckBatch(batch);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _onWorker);
                    }
                }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                _pending.Enqueue((batch, _worker));
            }
            else
            {
                _mine.CheckBatch(batch);
                _pending.Enqueue((batch, Task.CompletedTask));
            }
        }

        private void ReplayHead()
        {
            var (batch, done) = _pending.Dequeue();
            try
            {
                done.GetAwaiter().GetResult();
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Throw(e.InnerException!);
            }
            coordinator.Replay(batch);
            if (batch.Error is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }
            batch.Clear();
            _free.Push(batch);
        }
    }
}
