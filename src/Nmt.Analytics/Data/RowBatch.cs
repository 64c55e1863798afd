using System.Buffers;
using System.Runtime.CompilerServices;
namespace Nmt.Analytics.Data;

/// <summary>
/// A block of CSV rows copied out of the reader (their decoded characters and field bounds) so that another thread can
/// check them, and what the check found per row, for the in-order second pass (<see cref="ParallelValidation"/>).
/// Batches are reused, so their buffers are allocated once.
/// </summary>
internal sealed class RowBatch
{
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

    /// <summary>
    /// Copies rows of <paramref name="source"/> until the batch is full or the rows end; a malformed record ends it and
    /// is kept as <see cref="Error"/> (the rows before it stay).
    /// </summary>
    public void Fill(IRowText source)
    {
        try
        {
            while (Count < Capacity && source.Read())
            {
                Add(source);
            }
        }
        catch (NmtInputException e)
        {
            Error = e;
        }
    }

    /// <summary>True when rows may follow this batch: it is full and reading did not stop at an error.</summary>
    public bool ReadOn => Error is null && Count == Capacity;

    /// <summary>Copies the current row of <paramref name="source"/> in three block copies (characters, starts, lengths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(IRowText source)
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

    /// <summary>
    /// Puts the issues and findings, recorded column by column, in row order and marks where each row's ones end. The sort
    /// is stable, so within a row they keep the order they were found in: row rules, then columns left to right, then
    /// the rules across columns — the order of a row-by-row check.
    /// </summary>
    public void EndRows()
    {
        SortByLine(Issues, i => i.Line!.Value);
        SortByLine(Findings, f => f.Line);
        int issue = 0, finding = 0;
        for (var r = 0; r < Count; r++)
        {
            while (issue < Issues.Count && Issues[issue].Line <= Lines[r])
            {
                issue++;
            }
            while (finding < Findings.Count && Findings[finding].Line <= Lines[r])
            {
                finding++;
            }
            (IssueEnds[r], FindingEnds[r]) = (issue, finding);
        }
    }

    private static void SortByLine<T>(List<T> items, Func<T, long> line)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (line(items[i]) < line(items[i - 1]))
            {
                var sorted = items.OrderBy(line).ToList(); // stable
                items.Clear();
                items.AddRange(sorted);
                return;
            }
        }
    }

    public int FieldCount(int row) => FirstField[row + 1] - FirstField[row];

    public ReadOnlySpan<char> Field(int row, int index)
    {
        var at = FirstField[row] + index;
        return _chars.AsSpan(_starts[at], _lengths[at]);
    }

    /// <summary>
    /// Gives the rows' text back to the shared pool once their cells are checked: only what the check found stays with
    /// the batch until it is replayed, so the batches waiting in line hold no text.
    /// </summary>
    public void ReleaseText()
    {
        Return(ref _chars);
        Return(ref _starts);
        Return(ref _lengths);
    }

    private void EnsureChars(int needed) => Grow(ref _chars, needed, 1 << 16, _charCount);

    private void EnsureFields(int needed)
    {
        Grow(ref _starts, needed, 1 << 12, _fieldCount);
        Grow(ref _lengths, needed, 1 << 12, _fieldCount);
    }

    private static void Grow<T>(ref T[] array, int needed, int minimum, int used)
    {
        if (needed <= array.Length)
        {
            return;
        }
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, Math.Max(minimum, array.Length * 2)));
        array.AsSpan(0, used).CopyTo(bigger);
        Return(ref array);
        array = bigger;
    }

    private static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }
        array = [];
    }
}
