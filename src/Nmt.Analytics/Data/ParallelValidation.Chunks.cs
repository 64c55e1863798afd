using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Nmt.Analytics.Data;

internal static partial class ParallelValidation
{
    /// <summary>
    /// The chunked run: every core parses and checks whole chunks (<see cref="ChunkPipeline{T}"/>), each thread with its
    /// own reader and checker, and the calling thread replays the checked batches chunk by chunk in file order. At most
    /// <see cref="MaxInFlight"/> chunks are read ahead, so memory stays bounded.
    /// </summary>
    private sealed class ChunkRun(CsvChunker chunker, IReadOnlyList<string> header, CsvFormat format, SessionScanner coordinator,
        string sourceName, LoadOptions options, int batchRows)
    {
        private const int MaxInFlight = 4;
        private readonly ConcurrentBag<RowBatch> _free = [];
        private readonly ConcurrentBag<SessionScanner> _checkers = [];

        public void ReadAll() => new ChunkPipeline<List<RowBatch>>(chunker, Parse, MaxInFlight).Run(Replay);

        /// <summary>Parses and checks one chunk, batch by batch; a malformed record ends it, stored in its last batch.</summary>
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
                    batch.Fill(source);
                    checker.CheckBatch(batch);
                    if (!batch.ReadOn)
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

        private void Replay(List<RowBatch> batches)
        {
            foreach (var batch in batches)
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
    }
}
