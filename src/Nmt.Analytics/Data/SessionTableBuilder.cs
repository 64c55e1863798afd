namespace Nmt.Analytics.Data;

/// <summary>
/// Appends the usable rows of a <see cref="SessionScanner"/> into typed, growing column arrays and builds the
/// <see cref="ColumnTable"/>: contract columns typed by the schema, extra columns numeric when every value is a number
/// (else text), plus the derived <c>pain_change</c>.
/// </summary>
internal sealed class SessionTableBuilder
{
    private readonly BoundColumn[] _columns;
    private readonly bool _decimalComma;
    private readonly double[][] _numbers;
    private readonly string?[][] _texts;
    private readonly string[]?[][] _sets;
    private long[] _lines;
    private int _count;

    public SessionTableBuilder(IReadOnlyList<BoundColumn> columns, bool decimalComma, int capacity = 1024)
    {
        _columns = [.. columns.Where(c => !c.Ignored)];
        _decimalComma = decimalComma;
        _numbers = new double[_columns.Length][];
        _texts = new string?[_columns.Length][];
        _sets = new string[]?[_columns.Length][];
        _lines = new long[capacity];
        for (var i = 0; i < _columns.Length; i++)
        {
            switch (_columns[i].Kind)
            {
                case ColumnKind.Integer or ColumnKind.Number or ColumnKind.Flag:
                    _numbers[i] = new double[capacity];
                    break;
                case ColumnKind.CodeSet:
                    _sets[i] = new string[]?[capacity];
                    break;
                default:
                    _texts[i] = new string?[capacity];
                    break;
            }
        }
    }

    public void Append(ParsedRow row)
    {
        if (_count == _lines.Length)
        {
            Grow();
        }
        _lines[_count] = row.Line;
        for (var i = 0; i < _columns.Length; i++)
        {
            var index = _columns[i].Index;
            if (_numbers[i] is { } numbers)
            {
                numbers[_count] = row.Numbers[index];
            }
            else if (_sets[i] is { } sets)
            {
                sets[_count] = row.Sets[index];
            }
            else
            {
                _texts[i][_count] = row.Texts[index];
            }
        }
        _count++;
    }

    public ColumnTable Build()
    {
        var table = new ColumnTable(_count, Exact(_lines));
        for (var i = 0; i < _columns.Length; i++)
        {
            table.Add(BuildColumn(i));
            // Release the growth buffer at once: peak memory stays near one copy of the table.
            (_numbers[i], _texts[i], _sets[i]) = (null!, null!, null!);
        }
        if (table.Contains("pain_pre") && table.Contains("pain_post"))
        {
            table.Add(PainChange(table.Numeric("pain_pre").Values, table.Numeric("pain_post").Values));
        }
        return table;
    }

    private TableColumn BuildColumn(int i)
    {
        var name = _columns[i].Name;
        if (_numbers[i] is { } numbers)
        {
            return new NumericColumn(name, Exact(numbers));
        }
        if (_sets[i] is { } sets)
        {
            return new CodeSetColumn(name, Exact(sets));
        }
        var texts = Exact(_texts[i]);
        return _columns[i].Spec is null && TryNumeric(texts, out var values)
            ? new NumericColumn(name, values)
            : new TextColumn(name, texts);
    }

    /// <summary>The first <see cref="_count"/> values: the array itself when it was sized exactly (no copy), else a trimmed copy.</summary>
    private T[] Exact<T>(T[] values) => values.Length == _count ? values : values[.._count];

    /// <summary>An extra column is numeric when every non-missing value parses as a number (and at least one does).</summary>
    private bool TryNumeric(string?[] texts, out double[] values)
    {
        values = new double[texts.Length];
        var any = false;
        for (var r = 0; r < texts.Length; r++)
        {
            if (texts[r] is null)
            {
                values[r] = double.NaN;
            }
            else if (CellParser.TryNumber(texts[r], _decimalComma, out values[r]))
            {
                any = true;
            }
            else
            {
                return false;
            }
        }
        return any;
    }

    internal static NumericColumn PainChange(double[] pre, double[] post)
    {
        var change = new double[pre.Length];
        for (var r = 0; r < change.Length; r++)
        {
            change[r] = post[r] - pre[r];
        }
        return new NumericColumn(SessionSchema.PainChange, change);
    }

    /// <summary>Grows the arrays to at least <paramref name="rows"/> (used once the row count can be estimated).</summary>
    public void EnsureCapacity(long rows)
    {
        if (rows > _lines.Length && rows < Array.MaxLength)
        {
            Resize((int)rows);
        }
    }

    private void Grow() => Resize(Math.Max(1024, _lines.Length * 2));

    private void Resize(int capacity)
    {
        Array.Resize(ref _lines, capacity);
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_numbers[i] is not null)
            {
                Array.Resize(ref _numbers[i], capacity);
            }
            else if (_sets[i] is not null)
            {
                Array.Resize(ref _sets[i], capacity);
            }
            else
            {
                Array.Resize(ref _texts[i], capacity);
            }
        }
    }

}
