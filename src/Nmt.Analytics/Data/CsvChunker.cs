using System.Buffers;

namespace Nmt.Analytics.Data;

/// <summary>
/// Cuts the data rows of a seekable CSV stream into chunks of whole records that can be parsed on different threads,
/// as <c>data.table::fread</c> does (Dowle and Srinivasan, data.table, "fread" parallel reading): each chunk ends at a
/// line break, and a line break is a record boundary as long as no quote came before it. So chunks are cut only from
/// quote-free text; at the first chunk holding a quote (a quoted field may hold a line break, or an unterminated quote
/// may swallow the rest of the file) or a lone carriage return, cutting stops and <see cref="RestOffset"/> tells where
/// one sequential reader has to take over. Line numbers are counted exactly, so every row keeps its file line.
/// </summary>
internal sealed class CsvChunker
{
    /// <summary>Bytes per chunk (about 3,300 rows of a session file): small enough that a few chunks in flight stay a few MB.</summary>
    public const int DefaultChunkBytes = 1 << 19;

    private const int HeaderBytes = 64 * 1024;
    private readonly Stream _stream;
    private readonly int _chunkBytes;
    private byte[] _carry = [];
    private int _carryLength;
    private bool _ended;

    private CsvChunker(Stream stream, int chunkBytes, long dataStart)
    {
        _stream = stream;
        _chunkBytes = chunkBytes;
        RestOffset = dataStart;
    }

    /// <summary>Byte offset (in the stream) where the data not yet handed out as chunks starts.</summary>
    public long RestOffset { get; private set; }

    /// <summary>1-based file line at <see cref="RestOffset"/>.</summary>
    public long RestLine { get; private set; } = 2;

    /// <summary>True when cutting stopped before the end: the rest, from <see cref="RestOffset"/>, must be read sequentially.</summary>
    public bool Stopped { get; private set; }

    /// <summary>
    /// A chunker positioned after the header line, or null when the header itself is not a plain line (a quote, a lone
    /// carriage return, blank lines before it, or longer than 64 KB): then the whole file is read sequentially.
    /// The stream is left at the first data byte.
    /// </summary>
    public static CsvChunker? Open(Stream stream, int chunkBytes = DefaultChunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        var start = stream.Position;
        var prefix = new byte[HeaderBytes];
        var length = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        var text = prefix.AsSpan(0, length);
        var bom = text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var end = text.IndexOf((byte)'\n');
        if (end < 0 || !IsPlain(text[bom..(end + 1)]) || text[bom] is (byte)'\r' or (byte)'\n')
        {
            stream.Position = start;
            return null;
        }
        stream.Position = start + end + 1;
        return new CsvChunker(stream, chunkBytes, start + end + 1);
    }

    /// <summary>The next chunk, or null at the end of the data or where cutting stops (see <see cref="Stopped"/>).</summary>
    public CsvChunk? Next()
    {
        if (_ended)
        {
            return null;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(_chunkBytes, 2 * _carryLength));
        _carry.AsSpan(0, _carryLength).CopyTo(buffer);
        var total = _carryLength + _stream.ReadAtLeast(buffer.AsSpan(_carryLength), buffer.Length - _carryLength, throwOnEndOfStream: false);
        var atEnd = total < buffer.Length;
        var cut = atEnd ? total : buffer.AsSpan(0, total).LastIndexOf((byte)'\n') + 1;
        var records = buffer.AsSpan(0, cut);
        if (total == 0 || cut == 0 || !IsPlain(records))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _ended = true;
            Stopped = total > 0;
            return null;
        }
        KeepCarry(buffer.AsSpan(cut, total - cut));
        var breaks = records.Count((byte)'\n');
        var chunk = new CsvChunk(buffer, cut, RestLine, breaks + (records[^1] == (byte)'\n' ? 0 : 1));
        RestLine += breaks;
        RestOffset += cut;
        _ended = atEnd;
        return chunk;
    }

    private void KeepCarry(ReadOnlySpan<byte> rest)
    {
        if (_carry.Length < rest.Length)
        {
            _carry = new byte[Math.Max(rest.Length, 2 * _carry.Length)];
        }
        rest.CopyTo(_carry);
        _carryLength = rest.Length;
    }

    /// <summary>True when every line break in <paramref name="text"/> ends a record: no quote, and every CR is followed by LF.</summary>
    private static bool IsPlain(ReadOnlySpan<byte> text)
    {
        if (text.Contains((byte)'"'))
        {
            return false;
        }
        for (var at = text.IndexOf((byte)'\r'); at >= 0; at = text.IndexOf((byte)'\r'))
        {
            if (at + 1 >= text.Length || text[at + 1] != (byte)'\n')
            {
                return false;
            }
            text = text[(at + 2)..];
        }
        return true;
    }
}
