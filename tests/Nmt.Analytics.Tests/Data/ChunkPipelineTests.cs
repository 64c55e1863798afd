using System.Text;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary>
/// The chunk pipeline hands every chunk's result to the caller once, in file order, whatever the chunk size and however
/// the threads interleave; failures come out in their turn; and it always ends (each run is bounded by a timeout, so a
/// lost wake-up fails here instead of hanging the suite).
/// </summary>
public class ChunkPipelineTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static MemoryStream Lines(int count) =>
        new(Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"{i},{i * 7}\n"))));

    private static void Within(Action run) => Assert.True(Task.Run(run).Wait(Limit), "the pipeline did not end");

    [Theory]
    [InlineData(0, 5, 1)]
    [InlineData(1, 5, 1)]
    [InlineData(300, 7, 1)]
    [InlineData(300, 64, 2)]
    [InlineData(3000, 100, 8)]
    [InlineData(3000, 1 << 20, 8)]
    public void Every_chunk_is_consumed_once_in_file_order(int rows, int chunkBytes, int maxInFlight)
    {
        for (var repeat = 0; repeat < 20; repeat++)
        {
            using var stream = Lines(rows);
            var chunker = CsvChunker.Open(stream, chunkBytes)!;
            var seen = new List<(long FirstLine, int Lines)>();
            Within(() => new ChunkPipeline<(long, int)>(chunker, c => (c.FirstLine, c.Lines), maxInFlight).Run(seen.Add));
            var expected = 2L;
            foreach (var (firstLine, lines) in seen)
            {
                Assert.Equal(expected, firstLine);
                expected += lines;
            }
            Assert.Equal(rows + 2L, expected);
        }
    }

    [Fact]
    public void A_parse_failure_comes_out_after_the_chunks_before_it()
    {
        var firstLines = new List<long>();
        using (var stream = Lines(2000))
        {
            var chunker = CsvChunker.Open(stream, 97)!;
            while (chunker.Next() is { } chunk)
            {
                firstLines.Add(chunk.FirstLine);
            }
        }
        for (var repeat = 0; repeat < 20; repeat++)
        {
            using var stream = Lines(2000);
            var seen = new List<long>();
            var pipeline = new ChunkPipeline<long>(CsvChunker.Open(stream, 97)!,
                c => c.FirstLine > 900 ? throw new InvalidDataException($"{c.FirstLine}") : c.FirstLine, 4);
            Exception? thrown = null;
            Within(() => thrown = Record.Exception(() => pipeline.Run(seen.Add)));
            Assert.Equal($"{firstLines.First(l => l > 900)}", Assert.IsType<InvalidDataException>(thrown).Message);
            Assert.Equal(firstLines.Where(l => l <= 900), seen);
        }
    }

    [Fact]
    public void A_consumer_failure_stops_the_workers_and_is_rethrown()
    {
        using var stream = Lines(5000);
        var chunker = CsvChunker.Open(stream, 50)!;
        var parsed = 0;
        var pipeline = new ChunkPipeline<int>(chunker, c => Interlocked.Increment(ref parsed), 3);
        Exception? thrown = null;
        Within(() => thrown = Record.Exception(() => pipeline.Run(n => throw new InvalidOperationException("stop"))));
        Assert.Equal("stop", Assert.IsType<InvalidOperationException>(thrown).Message);
        Assert.True(parsed <= 3 + Environment.ProcessorCount, $"{parsed} chunks parsed after the first result failed");
    }
}
