namespace Nmt.Analytics.Data;

/// <summary>A direct identifier found in the data (the value itself is never kept).</summary>
/// <param name="Column">The column it was found in.</param>
/// <param name="Line">1-based file line (1 for a column name).</param>
/// <param name="Kind">What it looks like.</param>
public sealed record IdentifierFinding(string Column, long Line, IdentifierKind Kind)
{
    /// <summary>Message naming column, line and kind.</summary>
    public string Message => Kind == IdentifierKind.ColumnName
        ? $"column '{Column}' looks like a direct identifier; remove it (use pseudonymous codes, age bands and 'day' instead)"
        : $"line {Line}, column '{Column}': value looks like {AnonymityGuard.Describe(Kind)}; remove it";
}
