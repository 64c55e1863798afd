using System.Text.Json.Nodes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Data;

/// <summary>
/// The outcome of validating a session dataset: the first issues (capped, <see cref="MaxIssues"/>) with the total
/// count per rule, row and client counts, excluded rows per rule, and the anonymity report.
/// </summary>
public sealed class ValidationReport
{
    internal ValidationReport(string sourceName, CsvFormat? format, IReadOnlyList<ValidationIssue> issues,
        IReadOnlyDictionary<string, long> ruleCounts, long errorCount, long warningCount, int maxIssues, long rows,
        long excludedRows, IReadOnlyDictionary<string, long> exclusionsByRule, int clients, int clinics, bool isFatal,
        AnonymityReport anonymity)
    {
        SourceName = sourceName;
        Format = format;
        Issues = issues;
        RuleCounts = ruleCounts;
        ErrorCount = errorCount;
        WarningCount = warningCount;
        MaxIssues = maxIssues;
        Rows = rows;
        ExcludedRows = excludedRows;
        ExclusionsByRule = exclusionsByRule;
        Clients = clients;
        Clinics = clinics;
        IsFatal = isFatal;
        Anonymity = anonymity;
    }

    /// <summary>File name or description of the source.</summary>
    public string SourceName { get; }

    /// <summary>Detected CSV format (null for Parquet and in-memory tables).</summary>
    public CsvFormat? Format { get; }

    /// <summary>The first <see cref="MaxIssues"/> issues, in file order (header issues first).</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Total number of issues per rule id (all of them, not only those kept).</summary>
    public IReadOnlyDictionary<string, long> RuleCounts { get; }

    /// <summary>Total number of errors.</summary>
    public long ErrorCount { get; }

    /// <summary>Total number of warnings.</summary>
    public long WarningCount { get; }

    /// <summary>How many issues are kept.</summary>
    public int MaxIssues { get; }

    /// <summary>True when more issues were found than kept.</summary>
    public bool IsTruncated => ErrorCount + WarningCount > Issues.Count;

    /// <summary>True when there are no errors (warnings are allowed).</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>True when the file as a whole cannot be analysed (empty, no rows, missing or duplicate required columns, identifier columns...).</summary>
    public bool IsFatal { get; }

    /// <summary>Data rows read (the header is not counted).</summary>
    public long Rows { get; }

    /// <summary>Rows with at least one error: excluded from analysis.</summary>
    public long ExcludedRows { get; }

    /// <summary>Usable rows.</summary>
    public long UsableRows => Rows - ExcludedRows;

    /// <summary>Excluded rows per rule id of each row's first error.</summary>
    public IReadOnlyDictionary<string, long> ExclusionsByRule { get; }

    /// <summary>Distinct clients with at least one usable row.</summary>
    public int Clients { get; }

    /// <summary>Distinct clinics with at least one usable row.</summary>
    public int Clinics { get; }

    /// <summary>Direct identifiers and k-anonymity.</summary>
    public AnonymityReport Anonymity { get; }

    /// <summary>The errors among the kept issues.</summary>
    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);

    /// <summary>One-row tidy summary of the dataset and the checks.</summary>
    public ResultTable SummaryTable()
    {
        var table = new ResultTable("summary", "source", "rows", "usable_rows", "excluded_rows", "clients", "clinics",
            "sessions_per_client", "errors", "warnings", "valid", "delimiter", "decimal_comma", "bom", "crlf");
        table.AddRow(SourceName, Rows, UsableRows, ExcludedRows, Clients, Clinics,
            Clients == 0 ? (double?)null : UsableRows / (double)Clients, ErrorCount, WarningCount, IsValid,
            Format?.Delimiter.ToString(), Format?.DecimalComma, Format?.HasBom, Format?.CrLf);
        return table;
    }

    /// <summary>The tables printed as text or CSV: summary, rules, anonymity summary, smallest groups, issues.</summary>
    public IReadOnlyList<ResultTable> Tables() =>
        [SummaryTable(), RulesTable(), Anonymity.SummaryTable(), Anonymity.SmallestGroupsTable(), IssuesTable()];

    /// <summary>The JSON result: <c>summary</c> and <c>anonymity</c> as objects; <c>rules</c>, <c>smallest_groups</c> and <c>issues</c> as arrays.</summary>
    public JsonObject ToJson() => new()
    {
        ["summary"] = SummaryTable().ToJsonArray()[0]?.DeepClone(),
        ["rules"] = RulesTable().ToJsonArray(),
        ["anonymity"] = Anonymity.SummaryTable().ToJsonArray()[0]?.DeepClone(),
        ["smallest_groups"] = Anonymity.SmallestGroupsTable().ToJsonArray(),
        ["issues"] = IssuesTable().ToJsonArray(),
    };

    /// <summary>The kept issues as a tidy table: line, column, value, rule, severity, reason.</summary>
    public ResultTable IssuesTable()
    {
        var table = new ResultTable("issues", "line", "column", "value", "rule", "severity", "reason");
        foreach (var issue in Issues)
        {
            table.AddRow(issue.Line, issue.Column, issue.Value, issue.Rule,
                issue.Severity == IssueSeverity.Error ? "error" : "warning", issue.Reason);
        }
        if (IsTruncated)
        {
            table.AddNote($"showing {Issues.Count} of {ErrorCount + WarningCount} issues; counts per rule are complete");
        }
        return table;
    }

    /// <summary>Issue counts per rule, and how many rows each rule excluded.</summary>
    public ResultTable RulesTable()
    {
        var table = new ResultTable("rules", "rule", "issues", "excluded_rows");
        foreach (var (rule, count) in RuleCounts.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            table.AddRow(rule, count, ExclusionsByRule.GetValueOrDefault(rule));
        }
        return table;
    }
}
