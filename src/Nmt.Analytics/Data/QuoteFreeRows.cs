using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Nmt.Analytics.Data;

/// <summary>
/// The records of a chunk without quotes (<see cref="CsvChunker"/> cuts only such chunks): every line break ends a
/// record and every delimiter ends a field, so a record is one line, split at the delimiter in one vectorised pass over
/// its bytes (<see cref="AsciiFieldSplitter"/>), with no state machine and no copy per field. An all-ASCII chunk (the
/// usual case) is widened to UTF-16 in one call and its records are slices of it; any other chunk is decoded record by
/// record. Empty lines are skipped (their line numbers count), CR LF line ends are accepted, and bytes that are not
/// UTF-8 become U+FFFD and mark the row — as <see cref="CsvRowSource"/> reads the same text.
/// </summary>
internal sealed class QuoteFreeRows(ReadOnlyMemory<byte> bytes, IReadOnlyList<string> header, CsvFormat format, long firstLine) : IRowText
{
    private readonly char _delimiter = format.Delimiter;
    // An ASCII chunk (the usual case) is widened in one call, and its rows are slices of it; others decode row by row.
    private readonly char[]? _wide = Widened(bytes.Span, format.Delimiter);
    private char[] _chars = new char[1024];
    private char[] _text = [];
    private int _rowStart;
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int _next;
    private int _rowLength;
    private long _nextLine = firstLine;

    public IReadOnlyList<string> Header => header;
    public CsvFormat? Format => format;
    public bool IsEmpty => false;
    public long Line { get; private set; }
    public int FieldCount { get; private set; }
    public bool HasInvalidUtf8 { get; private set; }
    public long? EstimatedRows => null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        var all = bytes.Span;
        while (_next < all.Length)
        {
            var start = _next;
            var rest = all[_next..];
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            _next += end < 0 ? rest.Length : end + 1;
            Line = _nextLine++;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            if (!line.IsEmpty && _wide is not null)
            {
                (_text, _rowStart, _rowLength) = (_wide, start, line.Length);
                FieldCount = AsciiFieldSplitter.Split(line, (byte)_delimiter, ref _starts, ref _lengths);
                return true;
            }
            if (!line.IsEmpty)
            {
                var chars = Decode(line);
                (_text, _rowStart) = (_chars, 0);
                _rowLength = chars.Length;
                if (chars.Length == line.Length && _delimiter < 0x80)
                {
                    // ASCII: byte offsets are character offsets.
                    FieldCount = AsciiFieldSplitter.Split(line, (byte)_delimiter, ref _starts, ref _lengths);
                }
                else
                {
                    Split(chars);
                }
                return true;
            }
        }
        return false;
    }

    public ReadOnlySpan<char> Field(int index) => _text.AsSpan(_rowStart + _starts[index], _lengths[index]);

    public ReadOnlySpan<char> RowChars => _text.AsSpan(_rowStart, _rowLength);
    public ReadOnlySpan<int> FieldStarts => _starts.AsSpan(0, FieldCount);
    public ReadOnlySpan<int> FieldLengths => _lengths.AsSpan(0, FieldCount);

    public void Dispose()
    {
        if (_wide is not null)
        {
            ArrayPool<char>.Shared.Return(_wide);
        }
    }

    /// <summary>The chunk as characters when it is all ASCII (then byte offsets are character offsets), else null.</summary>
    private static char[]? Widened(ReadOnlySpan<byte> bytes, char delimiter)
    {
        if (delimiter >= 0x80 || !Ascii.IsValid(bytes))
        {
            return null;
        }
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        Ascii.ToUtf16(bytes, chars, out _);
        return chars;
    }

    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> line)
    {
        if (_chars.Length < line.Length)
        {
            _chars = new char[Math.Max(line.Length, 2 * _chars.Length)];
        }
        var status = Utf8.ToUtf16(line, _chars, out _, out var written, replaceInvalidSequences: false);
        HasInvalidUtf8 = status != OperationStatus.Done;
        if (HasInvalidUtf8)
        {
            written = Encoding.UTF8.GetChars(line, _chars); // each invalid sequence becomes one U+FFFD: never longer than the bytes
        }
        return _chars.AsSpan(0, written);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Split(ReadOnlySpan<char> record)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            if (count == _starts.Length)
            {
                Array.Resize(ref _starts, 2 * count);
                Array.Resize(ref _lengths, 2 * count);
            }
            var at = record[start..].IndexOf(_delimiter);
            _starts[count] = start;
            _lengths[count++] = at < 0 ? record.Length - start : at;
            if (at < 0)
            {
                break;
            }
            start += at + 1;
        }
        FieldCount = count;
    }
}
