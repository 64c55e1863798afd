using System.Buffers;

namespace Nmt.Analytics.Data;

/// <summary>
/// A run of whole CSV records cut out of a file (<see cref="CsvChunker"/>): its bytes (a rented buffer) and the file
/// line of its first byte.
/// </summary>
internal sealed class CsvChunk
{
    private byte[]? _buffer;

    public CsvChunk(byte[] buffer, int length, long firstLine, int lines)
    {
        _buffer = buffer;
        Length = length;
        FirstLine = firstLine;
        Lines = lines;
    }

    /// <summary>The records' bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, Length);

    /// <summary>Number of bytes.</summary>
    public int Length { get; }

    /// <summary>1-based file line of the chunk's first byte.</summary>
    public long FirstLine { get; }

    /// <summary>Lines that start in the chunk: at most this many records.</summary>
    public int Lines { get; }

    /// <summary>Gives the buffer back to the pool (the chunk's bytes are no longer needed).</summary>
    public void Release()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
