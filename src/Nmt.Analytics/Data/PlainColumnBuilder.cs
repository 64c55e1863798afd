namespace Nmt.Analytics.Data;

/// <summary>
/// Collects one column: numbers while every cell is numeric; at the first non-numeric cell it becomes text, and the
/// numbers read so far are written back in shortest round-trip form ("1.50" becomes "1.5").
/// </summary>
internal sealed class PlainColumnBuilder
{
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly string _name;
    private int _capacity;
    private double[] _numbers;
    private int _offset;
    private int _count;
    private List<string?>? _text;
    private string? _last;

    /// <summary>A builder with its own array for about <paramref name="capacity"/> rows.</summary>
    public PlainColumnBuilder(string name, int capacity)
        : this(name, new double[Math.Max(capacity, 16)], 0, Math.Max(capacity, 16))
    {
    }

    /// <summary>
    /// A builder that writes its numbers into <paramref name="target"/> from <paramref name="offset"/> on, for at most
    /// <paramref name="capacity"/> rows (a chunk's share of the whole column: no copy when the pieces are joined).
    /// </summary>
    public PlainColumnBuilder(string name, double[] target, int offset, int capacity)
    {
        _name = name;
        _numbers = target;
        _offset = offset;
        _capacity = capacity;
    }

    /// <summary>The column name.</summary>
    public string Name => _name;

    /// <summary>Rows added.</summary>
    public int Count => _text?.Count ?? _count;

    /// <summary>True once a cell was not a number.</summary>
    public bool IsText => _text is not null;

    /// <summary>Non-missing numbers read while the column was numeric (written back as text if it turned text).</summary>
    public int NumberCount { get; private set; }

    /// <summary>The numbers of a numeric column (NaN where missing).</summary>
    public ReadOnlySpan<double> Numbers => _numbers.AsSpan(_offset, _count);

    /// <summary>The values of a text column (null where missing).</summary>
    public ReadOnlySpan<string?> Texts => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_text);

    public void Add(ReadOnlySpan<char> cell, bool decimalComma)
    {
        var missing = CellParser.IsMissing(cell);
        if (_text is null)
        {
            if (missing)
            {
                Push(double.NaN);
                return;
            }
            if (CellParser.TryNumber(cell, decimalComma, out var number))
            {
                NumberCount++;
                Push(number);
                return;
            }
            _text = new List<string?>(Math.Max(_capacity, _count + 1));
            foreach (var value in Numbers)
            {
                _text.Add(AsText(value));
            }
        }
        _text.Add(missing ? null : Intern(cell));
    }

    /// <summary>A number as the text it becomes when its column turns text (one string per distinct value).</summary>
    public string? AsText(double value) => double.IsNaN(value) ? null : Intern(CellParser.Format(value));

    /// <summary>The column; a numeric column hands over its buffer when the row estimate was exact (no copy).</summary>
    public TableColumn Build() => _text is not null
        ? new TextColumn(_name, [.. _text])
        : new NumericColumn(_name, _offset == 0 && _count == _numbers.Length ? _numbers : Numbers.ToArray());

    private void Push(double value)
    {
        if (_count == _capacity)
        {
            // Its own array now (a chunk never outgrows its share, which counts its lines; this is for safety).
            var grown = new double[Math.Max(16, _count * 2)];
            Numbers.CopyTo(grown);
            (_numbers, _offset, _capacity) = (grown, 0, grown.Length);
        }
        _numbers[_offset + _count++] = value;
    }

    /// <summary>One string per distinct value (identifiers and codes repeat on many rows).</summary>
    private string Intern(ReadOnlySpan<char> cell)
    {
        if (_last is not null && cell.SequenceEqual(_last))
        {
            return _last; // identifiers repeat on consecutive rows (a client's sessions)
        }
        if (!SpanLookup.TryGetValue(_interned, cell, out var known))
        {
            known = cell.ToString();
            _interned[known] = known;
        }
        return _last = known;
    }
}
