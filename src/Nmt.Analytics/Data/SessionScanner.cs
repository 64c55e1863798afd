using System.Globalization;

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
    private readonly Dictionary<string, ClientState> _clients = new(StringComparer.Ordinal);
    private readonly HashSet<string> _clinics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _exclusionsByRule = new(StringComparer.Ordinal);
    private readonly List<IdentifierFinding> _findings = [];
    private readonly KAnonymityCounter _kAnonymity;
    private readonly int[] _quasi;
    private readonly bool _decimalComma;
    private long _findingCount;
    private bool _fatal;

    public SessionScanner(IRowSource source, string sourceName, LoadOptions options)
    {
        _source = source;
        _options = options;
        SourceName = sourceName;
        _issues = new IssueCollector(options.MaxIssues);
        _decimalComma = source.Format?.DecimalComma ?? false;
        _columns = [.. source.Header.Select((name, i) => new BoundColumn(i, name, SessionSchema.Find(name)))];
        Row = new ParsedRow(_columns.Length);
        CheckFile();
        var present = SessionSchema.QuasiIdentifiers.Where(q => IndexOf(q) >= 0).ToList();
        _quasi = [.. present.Select(IndexOf)];
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
    public List<RowExclusion>? Exclusions { get; init; }

    public int IndexOf(string name) => Array.FindIndex(_columns, c => !c.Ignored && c.Name == name);

    /// <summary>Reads and checks the next row into <see cref="Row"/>; false at the end of the data.</summary>
    public bool Next()
    {
        if (_source.IsEmpty || !_source.Read())
        {
            return false;
        }
        Rows++;
        Row.Reset(_source.Line);
        CheckRow();
        if (!Row.IsUsable)
        {
            ExcludedRows++;
            var (rule, reason) = Row.FirstError!.Value;
            _exclusionsByRule[rule] = _exclusionsByRule.GetValueOrDefault(rule) + 1;
            Exclusions?.Add(new RowExclusion(Row.Line, $"{rule}: {reason}"));
        }
        return true;
    }

    /// <summary>Reads to the end, then reports.</summary>
    public ValidationReport Finish()
    {
        while (Next())
        {
        }
        if (!_source.IsEmpty && Rows == 0)
        {
            FileIssue(1, null, ValidationRules.HeaderOnly, "the file has a header but no data rows");
        }
        var anonymity = _kAnonymity.Report(_clients.Values.Select(c => c.QuasiKey).OfType<string>(), _findings, _findingCount, _options);
        var clients = _clients.Values.Count(c => c.QuasiKey is not null);
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
        _issues.Add(Row.Line, column, value, rule, reason, IssueSeverity.Error);
        Row.FirstError ??= (rule, column is null ? reason : $"{column}: {reason}");
    }

    private void Warning(string? column, string? value, string rule, string reason) =>
        _issues.Add(Row.Line, column, value, rule, reason, IssueSeverity.Warning);

    private void Identifier(string column, long line, IdentifierKind kind)
    {
        _findingCount++;
        if (_findings.Count < _options.MaxIssues)
        {
            _findings.Add(new IdentifierFinding(column, line, kind));
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
