using Nmt.Analytics.Data;

namespace Nmt.Analytics.Models;

/// <summary>Summarises excluded rows for result notes (R's <c>na.omit</c> message, with reasons).</summary>
public static class ExclusionNotes
{
    /// <summary>E.g. <c>3 rows excluded: missing stress (2), missing region (1); lines 5, 9, 12.</c> (first ten lines listed); null when none.</summary>
    public static string? Describe(IReadOnlyList<RowExclusion> exclusions)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        if (exclusions.Count == 0)
        {
            return null;
        }
        var reasons = exclusions.GroupBy(e => e.Reason, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({g.Count()})");
        var lines = string.Join(", ", exclusions.Take(10).Select(e => e.Line));
        var more = exclusions.Count > 10 ? $" and {exclusions.Count - 10} more" : "";
        var noun = exclusions.Count == 1 ? "row" : "rows";
        return $"{exclusions.Count} {noun} excluded: {string.Join(", ", reasons)}; lines {lines}{more}.";
    }
}
