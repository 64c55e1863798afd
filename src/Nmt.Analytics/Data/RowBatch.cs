using System.Runtime.CompilerServices;
namespace Nmt.Analytics.Data;

/// <summary>
/// A block of CSV rows copied out of the reader (their decoded characters and field bounds) so that another thread can
/// check them, and what the check found per row, for the in-order second pass (<see cref="ParallelValidation"/>).
/// Batches are reused, so their buffers are allocated once.
/// </summary>
internal sealed class RowBatch
{
    // Allocated on the first copied row: batches checked straight from a chunk's reader never copy text.
    private char[] _chars = [];
    private int[] _starts = [];
    private int[] _lengths = [];
    private int _charCount;
    private int _fieldCount;

    public RowBatch(int capacity, int quasiIdentifiers)
    {
        Capacity = capacity;
        Lines = new long[capacity];
        FirstField = new int[capacity + 1];
        InvalidUtf8 = new bool[capacity];
        FirstErrors = new (string Rule, string Reason)?[capacity];
        ClientIds = new string?[capacity];
        Sessions = new double[capacity];
        Days = new double[capacity];
        Clinics = new string?[capacity];
        Quasi = new string?[capacity * quasiIdentifiers];
        IssueEnds = new int[capacity];
        FindingEnds = new int[capacity];
    }

    public int Capacity { get; }
    public int Count { get; private set; }

    /// <summary>The error that stopped reading after the rows of this batch (a malformed CSV), or null.</summary>
    public Exception? Error { get; set; }

    // The rows as read.
    public long[] Lines { get; }
    public int[] FirstField { get; }
    public bool[] InvalidUtf8 { get; }

    // What the cell checks found, per row.
    public (string Rule, string Reason)?[] FirstErrors { get; }
    public string?[] ClientIds { get; }
    public double[] Sessions { get; }
    public double[] Days { get; }
    public string?[] Clinics { get; }
    public string?[] Quasi { get; }
    public int[] IssueEnds { get; }
    public int[] FindingEnds { get; }
    public List<ValidationIssue> Issues { get; } = [];
    public List<IdentifierFinding> Findings { get; } = [];

    public void Clear()
    {
        Count = 0;
        _charCount = 0;
        _fieldCount = 0;
        Error = null;
        Issues.Clear();
        Findings.Clear();
        Array.Clear(ClientIds);
        Array.Clear(Clinics);
        Array.Clear(Quasi);
    }

    /// <summary>Copies the current row of <paramref name="source"/> in three block copies (characters, starts, lengths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(CsvRowSource source)
    {
        var chars = source.RowChars;
        var fields = source.FieldCount;
        EnsureFields(_fieldCount + fields);
        EnsureChars(_charCount + chars.Length);
        chars.CopyTo(_chars.AsSpan(_charCount));
        var starts = _starts.AsSpan(_fieldCount, fields);
        source.FieldStarts.CopyTo(starts);
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] += _charCount;
        }
        source.FieldLengths.CopyTo(_lengths.AsSpan(_fieldCount, fields));
        FirstField[Count] = _fieldCount;
        _charCount += chars.Length;
        _fieldCount += fields;
        Lines[Count] = source.Line;
        InvalidUtf8[Count] = source.HasInvalidUtf8;
        Count++;
        FirstField[Count] = _fieldCount;
    }

    /// <summary>Adds a row by its line only (its cells were checked straight from the reader); returns its index.</summary>
    public int AddLine(long line, bool invalidUtf8)
    {
        Lines[Count] = line;
        InvalidUtf8[Count] = invalidUtf8;
        FirstField[Count + 1] = _fieldCount;
        return Count++;
    }

    public int FieldCount(int row) => FirstField[row + 1] - FirstField[row];

    public ReadOnlySpan<char> Field(int row, int index)
    {
        var at = FirstField[row] + index;
        return _chars.AsSpan(_starts[at], _lengths[at]);
    }

    private void EnsureChars(int needed)
    {
        if (needed > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(needed, Math.Max(1 << 16, _chars.Length * 2)));
        }
    }

    private void EnsureFields(int needed)
    {
        if (needed > _starts.Length)
        {
            var size = Math.Max(needed, Math.Max(1 << 12, _starts.Length * 2));
            Array.Resize(ref _starts, size);
            Array.Resize(ref _lengths, size);
        }
    }
}
