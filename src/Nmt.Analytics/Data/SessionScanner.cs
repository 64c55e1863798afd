using System.Globalization;
using System.Runtime.CompilerServices;

namespace Nmt.Analytics.Data;

/// <summary>
/// The streaming validator: reads rows from an <see cref="IRowSource"/>, types and checks every cell against
/// <see cref="SessionSchema"/>, applies the cross-field and per-client order rules and the anonymity checks.
/// Only per-client state (last session/day, sessions seen, quasi-identifier key) is kept, so memory does not grow
/// with the number of rows.
/// </summary>
internal sealed partial class SessionScanner
{
    private readonly IRowSource _source;
    private readonly LoadOptions _options;
    private readonly IssueCollector _issues;
    private readonly BoundColumn[] _columns;
    private readonly ClientTable _clients = new();
    private readonly Dictionary<string?[], int> _groups = new(QuasiValuesComparer.Instance);
    private readonly string?[] _quasiProbe;
    private readonly HashSet<string> _clinics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _exclusionsByRule = new(StringComparer.Ordinal);
    private readonly List<IdentifierFinding> _findings = [];
    private readonly KAnonymityCounter _kAnonymity;
    private readonly int[] _quasi;
    private readonly bool _decimalComma;
    private readonly List<RowExclusion>? _exclusions;
    private readonly bool _cellsOnly;
    private RowBatch? _recording;
    private bool[] _shaped = [];
    private int _row;
    private long _findingCount;
    private bool _fatal;

    public SessionScanner(IRowSource source, string sourceName, LoadOptions options)
        : this(source, sourceName, options, cellsOnly: false)
    {
    }

    /// <param name="source">The rows.</param>
    /// <param name="sourceName">File name for messages.</param>
    /// <param name="options">Validation options.</param>
    /// <param name="cellsOnly">
    /// A checker for <see cref="ParallelValidation"/>: <see cref="CheckBatch"/> runs the row and cell rules on a batch
    /// and records what they found in it; the per-client rules and all counting are left to the in-order pass.
    /// </param>
    private SessionScanner(IRowSource source, string sourceName, LoadOptions options, bool cellsOnly)
    {
        _cellsOnly = cellsOnly;
        _source = source;
        _options = options;
        SourceName = sourceName;
        _issues = new IssueCollector(options.MaxIssues);
        _decimalComma = source.Format?.DecimalComma ?? false;
        _columns = [.. source.Header.Select((name, i) => new BoundColumn(i, name, SessionSchema.Find(name)))];
        Row = new ParsedRow(_columns.Length);
        SetClientPool(0);
        CheckFile();
        var present = SessionSchema.QuasiIdentifiers.Where(q => IndexOf(q) >= 0).ToList();
        _quasi = [.. present.Select(IndexOf)];
        _quasiProbe = new string?[_quasi.Length];
        _kAnonymity = new KAnonymityCounter(present);
    }

    public string SourceName { get; }
    public IReadOnlyList<BoundColumn> Columns => _columns;
    public ParsedRow Row { get; }
    public long Rows { get; private set; }
    public long ExcludedRows { get; private set; }

    /// <summary>True when the file cannot be analysed at all (empty, missing required columns, duplicate columns).</summary>
    public bool IsFatal => _fatal;

    /// <summary>Collect one <see cref="RowExclusion"/> per excluded row (the table loader does; plain validation only counts).</summary>
    public List<RowExclusion>? Exclusions
    {
        get => _exclusions;
        init
        {
            _exclusions = value;
            // A loaded table shares one string per client id; plain validation keeps every pool bounded.
            SetClientPool(value is null ? 0 : int.MaxValue);
        }
    }

    public int IndexOf(string name) => Array.FindIndex(_columns, c => !c.Ignored && c.Name == name);

    /// <summary>Reads and checks the next row into <see cref="Row"/>; false at the end of the data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next()
    {
        if (_source.IsEmpty || !_source.Read())
        {
            return false;
        }
        Rows++;
        Row.Reset(_source.Line);
        CheckRow();
        CountRow();
        return true;
    }

    private void SetClientPool(int limit)
    {
        foreach (var column in _columns.Where(c => c.Name == "client_id"))
        {
            column.PoolLimit = limit;
        }
    }

    /// <summary>A checker (cells only) for the rows of batches, with its own pools: one per worker thread.</summary>
    public static SessionScanner Checker(BatchRowSource source, string sourceName, LoadOptions options) =>
        new(source, sourceName, options, cellsOnly: true);

    /// <summary>
    /// Runs the row and cell rules on every row of <paramref name="batch"/> and records the results in it. The cells are
    /// checked column by column, not row by row, so that a cell can be compared with the one above it in its column
    /// (<see cref="CheckColumn"/> skips clean repeats); issues are put back in row order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CheckBatch(RowBatch batch)
    {
        if (!_cellsOnly || _source is not BatchRowSource source)
        {
            throw new InvalidOperationException("CheckBatch needs a checker made by SessionScanner.Checker.");
        }
        _recording = batch;
        ResolveIndexes();
        var shaped = CheckShapes(source, batch);
        foreach (var column in _columns)
        {
            if (!column.Ignored)
            {
                CheckColumn(batch, column, shaped);
            }
        }
        source.Attach(batch);
        while (source.Read())
        {
            if (shaped[_row = source.Row])
            {
                CheckPairs();
            }
        }
        batch.EndRows();
        batch.ReleaseText();
        _recording = null;
    }

    /// <summary>The row rules of every row of the batch; true for the rows whose cells are to be checked.</summary>
    private bool[] CheckShapes(BatchRowSource source, RowBatch batch)
    {
        if (_shaped.Length < batch.Count)
        {
            _shaped = new bool[batch.Capacity];
        }
        source.Attach(batch);
        while (source.Read())
        {
            _row = source.Row;
            (batch.FirstErrors[_row], batch.Sessions[_row], batch.Days[_row]) = (null, double.NaN, double.NaN);
            _shaped[_row] = CheckShape();
        }
        return _shaped;
    }

    /// <summary>
    /// Column <paramref name="column"/> of every row with the right shape, in row order; the values the in-order pass
    /// needs are kept in the batch (the others are only checked).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckColumn(RowBatch batch, BoundColumn column, bool[] shaped)
    {
        var j = column.Index;
        var quasi = Array.IndexOf(_quasi, j);
        var kept = quasi >= 0 || j == _client || j == _session || j == _day || j == _clinic;
        var count = batch.Count;
        var previous = ReadOnlySpan<char>.Empty;
        var previousClean = false;
        for (var r = 0; r < count; r++)
        {
            if (!shaped[r])
            {
                previousClean = false;
                continue;
            }
            _row = r;
            var cell = batch.Field(r, j).Trim();
            // A cell equal to the one above that raised nothing gives the same value and raises nothing: the checks of
            // a cell depend only on its text and on pools that a clean repeat leaves as they are. Sorted session files
            // repeat most cells from one session of a client to the next.
            if (previousClean && cell.SequenceEqual(previous))
            {
                if (kept)
                {
                    Keep(batch, j, quasi);
                }
                continue;
            }
            var issues = batch.Issues.Count;
            if (kept)
            {
                (Row.Numbers[j], Row.Texts[j]) = (double.NaN, null);
            }
            CheckCell(column, cell);
            if (kept)
            {
                Keep(batch, j, quasi);
            }
            previous = cell;
            previousClean = batch.Issues.Count == issues;
        }
    }

    /// <summary>Keeps the value of column <paramref name="j"/> of the current row for the in-order pass.</summary>
    private void Keep(RowBatch batch, int j, int quasi)
    {
        if (j == _client)
        {
            batch.ClientIds[_row] = Row.Texts[j];
        }
        if (j == _session)
        {
            batch.Sessions[_row] = Row.Numbers[j];
        }
        if (j == _day)
        {
            batch.Days[_row] = Row.Numbers[j];
        }
        if (j == _clinic)
        {
            batch.Clinics[_row] = Row.Texts[j];
        }
        if (quasi >= 0)
        {
            batch.Quasi[(_row * _quasi.Length) + quasi] = Row.Texts[j];
        }
    }

    /// <summary>The file line of the row being checked.</summary>
    private long Line => _recording is { } batch ? batch.Lines[_row] : Row.Line;

    /// <summary>The in-order pass over a checked batch: its issues and findings, the per-client rules, the counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Replay(RowBatch batch)
    {
        ResolveIndexes();
        int issue = 0, finding = 0;
        for (var r = 0; r < batch.Count; r++)
        {
            Rows++;
            // Restore sets every value the in-order rules read, so the row's arrays need no reset.
            Row.Line = batch.Lines[r];
            Row.FirstError = null;
            for (; issue < batch.IssueEnds[r]; issue++)
            {
                var i = batch.Issues[issue];
                _issues.Add(i.Line, i.Column, i.Value, i.Rule, i.Reason, i.Severity);
            }
            for (; finding < batch.FindingEnds[r]; finding++)
            {
                var f = batch.Findings[finding];
                Identifier(f.Column, f.Line, f.Kind);
            }
            Row.FirstError = batch.FirstErrors[r];
            Restore(batch, r);
            CheckClient();
            CountRow();
        }
    }

    /// <summary>Number of quasi-identifier columns present (the width of <see cref="RowBatch.Quasi"/>).</summary>
    public int QuasiIdentifierCount => _quasi.Length;

    private void Restore(RowBatch batch, int r)
    {
        if (_client >= 0)
        {
            Row.Texts[_client] = batch.ClientIds[r];
        }
        if (_session >= 0)
        {
            Row.Numbers[_session] = batch.Sessions[r];
        }
        if (_day >= 0)
        {
            Row.Numbers[_day] = batch.Days[r];
        }
        if (_clinic >= 0)
        {
            Row.Texts[_clinic] = batch.Clinics[r];
        }
        for (var k = 0; k < _quasi.Length; k++)
        {
            Row.Texts[_quasi[k]] = batch.Quasi[(r * _quasi.Length) + k];
        }
    }

    private void CountRow()
    {
        if (!Row.IsUsable)
        {
            ExcludedRows++;
            var (rule, reason) = Row.FirstError!.Value;
            _exclusionsByRule[rule] = _exclusionsByRule.GetValueOrDefault(rule) + 1;
            Exclusions?.Add(new RowExclusion(Row.Line, $"{rule}: {reason}"));
        }
    }

    /// <summary>Reads to the end, then reports.</summary>
    public ValidationReport Finish()
    {
        while (Next())
        {
        }
        return Report();
    }

    /// <summary>The report on the rows read so far (<see cref="Finish"/> without reading on).</summary>
    public ValidationReport Report()
    {
        if (!_source.IsEmpty && Rows == 0)
        {
            FileIssue(1, null, ValidationRules.HeaderOnly, "the file has a header but no data rows");
        }
        var sizes = _clients.GroupSizes(_groups.Count);
        var groups = new List<(string Key, int Clients)>(_groups.Count);
        var clients = 0;
        foreach (var (values, group) in _groups)
        {
            groups.Add((KAnonymityCounter.Key(values), sizes[group]));
            clients += sizes[group];
        }
        var anonymity = _kAnonymity.Report(groups, _findings, _findingCount, _options);
        return new ValidationReport(SourceName, _source.Format, _issues.Issues, _issues.ByRule, _issues.Errors, _issues.Warnings,
            _options.MaxIssues, Rows, ExcludedRows, _exclusionsByRule, clients, _clinics.Count, _fatal, anonymity);
    }

    private void FileIssue(long? line, string? column, string rule, string reason)
    {
        _fatal = true;
        _issues.Add(line, column, null, rule, reason, IssueSeverity.Error);
    }

    private void Error(string? column, string? value, string rule, string reason)
    {
        Issue(column, value, rule, reason, IssueSeverity.Error);
        if (_recording is { } batch)
        {
            batch.FirstErrors[_row] ??= (rule, column is null ? reason : $"{column}: {reason}");
        }
        else
        {
            Row.FirstError ??= (rule, column is null ? reason : $"{column}: {reason}");
        }
    }

    private void Warning(string? column, string? value, string rule, string reason) =>
        Issue(column, value, rule, reason, IssueSeverity.Warning);

    private void Issue(string? column, string? value, string rule, string reason, IssueSeverity severity)
    {
        if (_recording is not null)
        {
            _recording.Issues.Add(new ValidationIssue(Line, column, value, rule, reason, severity));
        }
        else
        {
            _issues.Add(Row.Line, column, value, rule, reason, severity);
        }
    }

    private void Identifier(string column, long line, IdentifierKind kind)
    {
        if (_recording is not null)
        {
            _recording.Findings.Add(new IdentifierFinding(column, line, kind));
            return;
        }
        _findingCount++;
        if (_findings.Count < _options.MaxIssues)
        {
            _findings.Add(new IdentifierFinding(column, line, kind));
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
