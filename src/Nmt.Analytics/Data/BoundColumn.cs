using System.Runtime.CompilerServices;
namespace Nmt.Analytics.Data;

/// <summary>A header column bound to its contract spec (null for extra columns), with its string pool.</summary>
internal sealed class BoundColumn(int index, string name, ColumnSpec? spec)
{
    private const int MaxPooled = 100_000;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private string? _last;
    private readonly char[] _lastCell = new char[64];
    private int _lastCellLength;
    private string? _lastCode;

    public int Index { get; } = index;
    public string Name { get; } = name;
    public ColumnSpec? Spec { get; } = spec;
    public Vocabulary? Vocabulary { get; } = spec is null ? null : SessionSchema.VocabularyOf(spec);

    /// <summary>Ignored columns (duplicates, direct identifiers, derived, unnamed) are neither checked nor loaded.</summary>
    public bool Ignored { get; set; }

    /// <summary>Code sets already seen, by their raw text (they repeat: one shared array per combination).</summary>
    public Dictionary<string, string[]> CodeSets { get; } = new(StringComparer.Ordinal);

    /// <summary>Pooled values already found to look like a direct identifier: every row holding one is reported, not only the first.</summary>
    public HashSet<string> Identifiers { get; } = new(StringComparer.Ordinal);

    public ColumnKind Kind { get; } = spec?.Kind ?? ColumnKind.Text;

    /// <summary>True when an empty cell is an error.</summary>
    public bool ValueRequired { get; } = spec is { ValueRequired: true };

    /// <summary>The allowed range of a number column (infinite where the spec sets no bound): read once per cell.</summary>
    public (double Min, double Max) Range { get; } = (spec?.Min ?? double.NegativeInfinity, spec?.Max ?? double.PositiveInfinity);

    /// <summary>The plausible range of a number column (infinite where the spec sets no bound).</summary>
    public (double Min, double Max) Plausible { get; } =
        (spec?.PlausibleMin ?? double.NegativeInfinity, spec?.PlausibleMax ?? double.PositiveInfinity);

    /// <summary>The vocabulary's code for <paramref name="cell"/>, remembering the last cell (a client's rows repeat it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGetCode(ReadOnlySpan<char> cell, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? code)
    {
        if (_lastCode is not null && cell.SequenceEqual(_lastCell.AsSpan(0, _lastCellLength)))
        {
            code = _lastCode;
            return true;
        }
        if (!Vocabulary!.TryGetCode(cell, out code))
        {
            return false;
        }
        if (cell.Length <= _lastCell.Length)
        {
            cell.CopyTo(_lastCell);
            (_lastCellLength, _lastCode) = (cell.Length, code);
        }
        return true;
    }

    /// <summary>
    /// How many distinct values the pool keeps: 100,000 by default; every one for client ids while a table is built (so
    /// the table holds one string per client); none for client ids when only validating (their rows come together, so
    /// the last value is enough), so memory does not grow with the number of clients.
    /// </summary>
    public int PoolLimit { get; set; } = MaxPooled;

    /// <summary>The shared string for <paramref name="value"/> when it was interned before (and is still pooled), else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Known(ReadOnlySpan<char> value)
    {
        if (_last is not null && value.SequenceEqual(_last))
        {
            return _last; // ids repeat on consecutive rows (a client's sessions)
        }
        return SpanLookup.TryGetValue(_pool, value, out var existing) ? _last = existing : null;
    }

    /// <summary>
    /// Adds a value not <see cref="Known"/> yet: the new shared string, pooled unless the pool is full (then the value
    /// is new again next time, which is when it gets the identifier check).
    /// </summary>
    public string Add(ReadOnlySpan<char> value)
    {
        var text = value.ToString();
        if (_pool.Count < PoolLimit)
        {
            _pool[text] = text;
        }
        return _last = text;
    }
}
