namespace Nmt.Analytics.Data;

/// <summary>
/// Keeps the first N issues and counts all of them per rule and severity. Errors have their own allowance of N, so an
/// error is always located (line, column) even when warnings filled the list first.
/// </summary>
internal sealed class IssueCollector(int maxIssues)
{
    private readonly List<ValidationIssue> _issues = [];
    private readonly Dictionary<string, long> _byRule = new(StringComparer.Ordinal);
    private int _keptErrors;

    public IReadOnlyList<ValidationIssue> Issues => _issues;
    public IReadOnlyDictionary<string, long> ByRule => _byRule;
    public long Errors { get; private set; }
    public long Warnings { get; private set; }

    public void Add(long? line, string? column, string? value, string rule, string reason, IssueSeverity severity)
    {
        _byRule[rule] = _byRule.GetValueOrDefault(rule) + 1;
        if (severity == IssueSeverity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }
        var isError = severity == IssueSeverity.Error;
        if (_issues.Count < maxIssues || (isError && _keptErrors < maxIssues))
        {
            _issues.Add(new ValidationIssue(line, column, value, rule, reason, severity));
            _keptErrors += isError ? 1 : 0;
        }
    }
}
