namespace Nmt.Analytics.Data;

/// <summary>
/// An in-memory columnar table: the common currency between loaders, validators and models.
/// Columns are numeric (<see cref="NumericColumn"/>), text/categorical (<see cref="TextColumn"/>)
/// or multi-valued codes (<see cref="CodeSetColumn"/>). Each row remembers the file line it came from,
/// so any later message can point back to the source.
/// </summary>
public sealed class ColumnTable
{
    private readonly List<TableColumn> _columns = [];
    private readonly Dictionary<string, TableColumn> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates a table of <paramref name="rowCount"/> rows with no columns yet.</summary>
    /// <param name="rowCount">Number of rows every column must have.</param>
    /// <param name="sourceLines">1-based file line of each row; defaults to <c>row + 2</c> (header on line 1).</param>
    public ColumnTable(int rowCount, long[]? sourceLines = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (sourceLines is not null && sourceLines.Length != rowCount)
        {
            throw new ArgumentException("One source line per row is required.", nameof(sourceLines));
        }
        RowCount = rowCount;
        SourceLines = sourceLines ?? Enumerable.Range(0, rowCount).Select(r => (long)r + 2).ToArray();
    }

    /// <summary>Creates a table from columns of equal length.</summary>
    public ColumnTable(IEnumerable<TableColumn> columns, long[]? sourceLines = null)
        : this(FirstLength(columns, sourceLines), sourceLines)
    {
        foreach (var column in columns)
        {
            Add(column);
        }
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>1-based source-file line of each row.</summary>
    public IReadOnlyList<long> SourceLines { get; }

    /// <summary>Columns in their original order.</summary>
    public IReadOnlyList<TableColumn> Columns => _columns;

    /// <summary>Column names in their original order.</summary>
    public IEnumerable<string> ColumnNames => _columns.Select(c => c.Name);

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="NmtInputException">No such column; the message suggests the closest name.</exception>
    public TableColumn this[string name] =>
        _byName.TryGetValue(name, out var column) ? column : throw UnknownColumn(name);

    /// <summary>True when a column called <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Looks up a column without throwing.</summary>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TableColumn? column) =>
        _byName.TryGetValue(name, out column);

    /// <summary>The numeric column called <paramref name="name"/>.</summary>
    /// <exception cref="NmtInputException">Missing, or not numeric.</exception>
    public NumericColumn Numeric(string name) => this[name] as NumericColumn
        ?? throw new NmtInputException($"column '{name}' is not numeric.");

    /// <summary>The text column called <paramref name="name"/>.</summary>
    /// <exception cref="NmtInputException">Missing, or not text.</exception>
    public TextColumn Text(string name) => this[name] as TextColumn
        ?? throw new NmtInputException($"column '{name}' is not a text/categorical column.");

    /// <summary>Adds a column, or replaces one of the same name.</summary>
    public void Add(TableColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Length != RowCount)
        {
            throw new ArgumentException($"Column '{column.Name}' has {column.Length} rows; the table has {RowCount}.", nameof(column));
        }
        if (_byName.TryGetValue(column.Name, out var existing))
        {
            _columns[_columns.IndexOf(existing)] = column;
        }
        else
        {
            _columns.Add(column);
        }
        _byName[column.Name] = column;
    }

    /// <summary>A new table with only the given rows (in that order), keeping their source lines.</summary>
    public ColumnTable Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lines = new long[rows.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = SourceLines[rows[i]];
        }
        return new ColumnTable(_columns.Select(c => c.Take(rows)), lines);
    }

    /// <summary>The error for an unknown column, suggesting the closest existing name.</summary>
    public NmtInputException UnknownColumn(string name)
    {
        var suggestion = NameSuggester.Closest(name, ColumnNames);
        var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
        return new NmtInputException($"unknown column '{name}'.{hint} Available: {string.Join(", ", ColumnNames)}.");
    }

    private static int FirstLength(IEnumerable<TableColumn> columns, long[]? sourceLines) =>
        columns.FirstOrDefault()?.Length ?? sourceLines?.Length ?? 0;
}
