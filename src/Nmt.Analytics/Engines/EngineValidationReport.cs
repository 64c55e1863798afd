using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Engines;

/// <summary>The counts of <see cref="EngineValidate"/>: rows, rows with an error, clients and clinics, issues per rule. No value is kept.</summary>
/// <param name="Source">What was validated.</param>
/// <param name="Rows">Rows read.</param>
/// <param name="ExcludedRows">Rows with at least one error (left out by the in-memory loader).</param>
/// <param name="Clients">Distinct clients among the other rows.</param>
/// <param name="Clinics">Distinct clinics among the other rows.</param>
/// <param name="RuleCounts">Issues per rule (rules with none left out).</param>
/// <param name="Severities">Severity of each rule.</param>
public sealed record EngineValidationReport(string Source, long Rows, long ExcludedRows, long Clients, long Clinics,
    IReadOnlyDictionary<string, long> RuleCounts, IReadOnlyDictionary<string, IssueSeverity> Severities)
{
    /// <summary>Issues that are errors.</summary>
    public long ErrorCount => RuleCounts.Where(r => Severities[r.Key] == IssueSeverity.Error).Sum(r => r.Value);

    /// <summary>Issues that are warnings.</summary>
    public long WarningCount => RuleCounts.Where(r => Severities[r.Key] == IssueSeverity.Warning).Sum(r => r.Value);

    /// <summary>True without errors.</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>Summary and rules tables (the rules table notes what an engine does not re-run).</summary>
    public IReadOnlyList<ResultTable> Tables()
    {
        var summary = new ResultTable("summary", "source", "rows", "usable_rows", "excluded_rows", "clients", "clinics", "errors", "warnings", "valid");
        summary.AddRow(Source, Rows, Rows - ExcludedRows, ExcludedRows, Clients, Clinics, ErrorCount, WarningCount, IsValid);
        var rules = new ResultTable("rules", "rule", "severity", "issues");
        foreach (var (rule, count) in RuleCounts.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            rules.AddRow(rule, Severities[rule] == IssueSeverity.Error ? "error" : "warning", count);
        }
        rules.AddNote("Counts only: an engine knows no file lines, and no value or identifier is shown. Not re-run in the engine: " + string.Join(", ", EngineValidate.NotRerun) + " (run nmt validate without --engine on the file for those).");
        return [summary, rules];
    }

    /// <summary>The command output: the tables or JSON; exit code 1 with errors, and a one-line summary.</summary>
    public ResultOutput Output() => new(ToJson, Tables())
    {
        Messages = IsValid ? [] : [$"{Source}: {ErrorCount} error(s), {ExcludedRows} row(s) with an error."],
        ExitCode = IsValid ? 0 : 1,
    };

    /// <summary>JSON: <c>summary</c> (an object), <c>rules</c> [{rule, severity, issues}], <c>not_rerun</c>.</summary>
    public JsonObject ToJson()
    {
        var tables = Tables();
        return new JsonObject
        {
            ["summary"] = tables[0].ToJsonArray()[0]?.DeepClone(),
            ["rules"] = tables[1].ToJsonArray(),
            ["not_rerun"] = new JsonArray([.. EngineValidate.NotRerun.Select(r => (JsonNode)r)]),
        };
    }
}
