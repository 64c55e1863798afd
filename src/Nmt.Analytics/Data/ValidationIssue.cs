using System.Globalization;

namespace Nmt.Analytics.Data;

/// <summary>One problem found while validating session data.</summary>
/// <param name="Line">1-based file line (header = 1), or null for file-level problems.</param>
/// <param name="Column">Column name, or null when the problem concerns a whole row or file.</param>
/// <param name="Value">The offending value, or null (always null for personal identifiers, which are never echoed).</param>
/// <param name="Rule">Stable rule id, e.g. <c>out_of_range</c> (see <see cref="ValidationRules"/>).</param>
/// <param name="Reason">What is wrong and how to fix it.</param>
/// <param name="Severity">Error (row excluded) or warning.</param>
public sealed record ValidationIssue(long? Line, string? Column, string? Value, string Rule, string Reason, IssueSeverity Severity)
{
    /// <summary>Human-readable form: <c>error line 5, column 'pain_pre': ... [out_of_range]</c>.</summary>
    public override string ToString()
    {
        var where = (Line, Column) switch
        {
            (null, null) => "",
            (null, _) => $" column '{Column}':",
            (_, null) => string.Create(CultureInfo.InvariantCulture, $" line {Line}:"),
            _ => string.Create(CultureInfo.InvariantCulture, $" line {Line}, column '{Column}':"),
        };
        var severity = Severity == IssueSeverity.Error ? "error" : "warning";
        return $"{severity}{where} {Reason} [{Rule}]";
    }
}
