using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace Nmt.Analytics.Data;

/// <summary>
/// Streams a CSV file with CsvHelper's UTF-8 reader. The delimiter (<c>,</c> or <c>;</c>) is detected from the
/// header line, a UTF-8 BOM and CR LF line ends are accepted, quoted fields may contain delimiters and line breaks.
/// Fields are decoded into one reused buffer per row (no string per cell).
/// </summary>
internal sealed class CsvRowSource : IRowText
{
    private const int SniffBytes = 64 * 1024;
    private CsvReader? _reader;
    private readonly string[] _header;
    private char[] _chars = new char[1024];
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];

    private int _charsUsed;
    private long? _totalBytes;
    private long _rows;
    private long _lineOffset;
    private StrongBox<long> _unterminatedQuoteLine = new();

    private CsvRowSource(CsvReader? reader, CsvFormat? format, string[]? header = null)
    {
        _reader = reader;
        Format = format;
        _header = header ?? (reader is null ? [] : [.. reader.Headers.Select(h => h.Trim())]);
    }

    public IReadOnlyList<string> Header => _header;
    public CsvFormat? Format { get; }
    public bool IsEmpty => Format is null;
    public long Line { get; private set; } = 1;
    public int FieldCount { get; private set; }
    public bool HasInvalidUtf8 { get; private set; }

    public long? EstimatedRows =>
        _totalBytes is { } total && _rows > 0 && _reader!.ByteOffset > 0 ? (long)(total * (double)_rows / _reader.ByteOffset) : null;

    /// <summary>True when the header line itself has invalid UTF-8.</summary>
    public bool HeaderHasInvalidUtf8 => _header.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal));

    /// <summary>Sniffs the format from the first bytes and opens a streaming reader positioned before the header.</summary>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="leaveOpen">Keep <paramref name="stream"/> open when the source is disposed.</param>
    /// <param name="commentPrefix">Lines starting with this character are comments (study tables use <c>#</c>); none by default.</param>
    /// <param name="trimWhitespace">Remove spaces and tabs around unquoted values (study tables); off by default.</param>
    public static CsvRowSource Open(Stream stream, bool leaveOpen, char? commentPrefix = null, bool trimWhitespace = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.CanSeek ? stream.Position : 0;
        var prefix = new byte[SniffBytes];
        var length = ReadUpTo(stream, prefix);
        var format = Sniff(prefix.AsSpan(0, length), commentPrefix);
        if (format is null)
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }
            return new CsvRowSource(null, null);
        }
        Stream body = stream;
        if (stream.CanSeek)
        {
            stream.Position = start;
        }
        else
        {
            body = new PrefixedStream(prefix, length, stream, leaveOpen);
        }
        var unterminated = new StrongBox<long>();
        var options = Options(format, unterminated, hasHeader: true, commentPrefix, trimWhitespace);
        var reader = CsvReader.Create(body, options, leaveOpen && body == stream);
        return new CsvRowSource(reader, format) { _totalBytes = stream.CanSeek ? stream.Length - start : null, _unterminatedQuoteLine = unterminated };
    }

    /// <summary>
    /// Reads the records of the rest of a file from a record boundary after its header (where <see cref="CsvChunker"/>
    /// stopped), numbering lines from <paramref name="firstLine"/>.
    /// </summary>
    public static CsvRowSource OpenRecords(Stream stream, CsvFormat format, IReadOnlyList<string> header, long firstLine)
    {
        var unterminated = new StrongBox<long>();
        var reader = CsvReader.Create(stream, Options(format, unterminated, hasHeader: false, null, false), leaveOpen: true);
        return new CsvRowSource(reader, format, [.. header]) { _unterminatedQuoteLine = unterminated, _lineOffset = firstLine - 1 };
    }

    private static CsvReaderOptions Options(CsvFormat format, StrongBox<long> unterminated, bool hasHeader, char? commentPrefix, bool trimWhitespace) => new()
    {
        OnMalformedRecord = record =>
        {
            if (record.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                unterminated.Value = record.LineNumber;
            }
        },
        Separator = format.Delimiter,
        HasHeader = hasHeader,
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MalformedData = CsvMalformedDataHandling.Recover,
        SkipEmptyLines = true,
        DetectSeparatorHint = false,
        CommentPrefix = commentPrefix,
        TrimWhitespace = trimWhitespace,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        if (_reader is null || !_reader.Read())
        {
            return false;
        }
        _rows++;
        Line = _lineOffset + _reader.LineNumber;
        FieldCount = _reader.FieldCount;
        CheckWellFormed();
        Decode();
        return true;
    }

    /// <summary>
    /// A quote that is never closed swallows the rest of the file into one field, and a quote closed many lines later
    /// swallows the lines between; both are errors naming the line where the quoted field starts, never a silent stop.
    /// </summary>
    /// <exception cref="NmtInputException">An unterminated quote, or a ragged record spanning several lines.</exception>
    private void CheckWellFormed()
    {
        if (_unterminatedQuoteLine.Value > 0)
        {
            throw new NmtInputException(
                "a quoted field that starts on this line is never closed, so the rest of the file would be read as one value; close or remove the quote (\").", Line, null);
        }
        if (FieldCount != _header.Length && _reader!.RawRecord.Contains((byte)'\n'))
        {
            var lines = _reader.RawRecord.Count((byte)'\n');
            throw new NmtInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"a quoted field that starts on this line runs over {lines} line break(s) and the row ends up with {FieldCount} fields instead of {_header.Length}: an unmatched quote (\")?"), Line, null);
        }
    }

    public ReadOnlySpan<char> Field(int index) => _chars.AsSpan(_starts[index], _lengths[index]);

    public void Dispose() => _reader?.Dispose();

    /// <summary>
    /// Stops reading rows (the header and format stay): the reader may have read ahead, so it must be closed before
    /// the stream is read by anything else (<see cref="ParallelValidation"/> reads it in chunks from the header on).
    /// </summary>
    public void CloseRows()
    {
        _reader?.Dispose();
        _reader = null;
    }

    /// <summary>
    /// Decodes the row's fields into the reused buffer. The common row (plain ASCII, no quotes) is transcoded in one
    /// call, and each field's characters then sit at the same offsets as its bytes in the raw record; other rows decode
    /// field by field (invalid bytes become U+FFFD). The one transcoding pass also tells whether the row is valid UTF-8.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Decode()
    {
        var reader = _reader!;
        var raw = reader.RawRecord;
        if (_starts.Length < FieldCount)
        {
            _starts = new int[FieldCount * 2];
            _lengths = new int[FieldCount * 2];
        }
        var needed = (2 * raw.Length) + FieldCount;
        if (_chars.Length < needed)
        {
            _chars = new char[needed * 2];
        }
        var status = Utf8.ToUtf16(raw, _chars, out _, out var written, replaceInvalidSequences: false);
        HasInvalidUtf8 = status != OperationStatus.Done;
        // Quoted fields may be unescaped by the reader, so only quote-free ASCII rows map bytes to characters 1:1.
        var plain = status == OperationStatus.Done && written == raw.Length && !raw.Contains((byte)'"');
        var offset = raw.Length;
        for (var i = 0; i < FieldCount; i++)
        {
            var bytes = reader.GetSpan(i);
            var at = plain ? OffsetIn(raw, bytes) : -1;
            if (at >= 0)
            {
                (_starts[i], _lengths[i]) = (at, bytes.Length);
                continue;
            }
            var chars = Encoding.UTF8.GetChars(bytes, _chars.AsSpan(offset));
            (_starts[i], _lengths[i]) = (offset, chars);
            offset += chars;
        }
        _charsUsed = offset;
    }

    /// <inheritdoc/>
    public ReadOnlySpan<char> RowChars => _chars.AsSpan(0, _charsUsed);

    /// <inheritdoc/>
    public ReadOnlySpan<int> FieldStarts => _starts.AsSpan(0, FieldCount);

    /// <inheritdoc/>
    public ReadOnlySpan<int> FieldLengths => _lengths.AsSpan(0, FieldCount);

    /// <summary>Where <paramref name="field"/> starts inside <paramref name="raw"/> (same memory), or −1 when it lies elsewhere.</summary>
    private static int OffsetIn(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty)
        {
            return 0;
        }
        var offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(raw), ref MemoryMarshal.GetReference(field));
        return offset >= 0 && offset + field.Length <= raw.Length ? (int)offset : -1;
    }

    private static int ReadUpTo(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }

    /// <summary>Detects BOM, delimiter and line ends from the header line (after any comment lines); null when there is no content.</summary>
    internal static CsvFormat? Sniff(ReadOnlySpan<byte> prefix, char? commentPrefix = null)
    {
        var hasBom = prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var text = SkipComments(hasBom ? prefix[3..] : prefix, commentPrefix);
        if (text.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']).IsEmpty)
        {
            return null;
        }
        int commas = 0, semicolons = 0, end = text.Length;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && b == (byte)'\n')
            {
                end = i;
                break;
            }
            else if (!quoted && b == (byte)',')
            {
                commas++;
            }
            else if (!quoted && b == (byte)';')
            {
                semicolons++;
            }
        }
        var crlf = end > 0 && end < text.Length && text[end - 1] == (byte)'\r';
        var delimiter = semicolons > commas ? ';' : ',';
        return new CsvFormat(delimiter, DecimalComma: delimiter == ';', hasBom, crlf);
    }

    /// <summary>The bytes after the leading comment lines (and blank lines between them).</summary>
    private static ReadOnlySpan<byte> SkipComments(ReadOnlySpan<byte> text, char? commentPrefix)
    {
        if (commentPrefix is not { } comment)
        {
            return text;
        }
        while (true)
        {
            var content = text.TrimStart((ReadOnlySpan<byte>)[(byte)'\r', (byte)'\n']);
            if (content.IsEmpty || content[0] != (byte)comment)
            {
                return content;
            }
            var end = content.IndexOf((byte)'\n');
            text = end < 0 ? [] : content[(end + 1)..];
        }
    }
}
