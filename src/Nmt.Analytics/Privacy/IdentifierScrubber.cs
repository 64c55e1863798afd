using System.Text;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Privacy;

/// <summary>
/// Removes client and therapist identifiers from text meant to be shared (exclusion reasons, notes): every word
/// equal to an identifier of the data is replaced by <c>[id]</c>. A defence in depth — reasons are written without
/// identifiers in the first place — so a reason that cites a row by its line can never expose who it belongs to.
/// </summary>
public sealed class IdentifierScrubber
{
    /// <summary>The identifier columns whose values are never shown.</summary>
    public static readonly IReadOnlyList<string> IdentifierColumns = ["client_id", "therapist_id"];

    // Built on first use: most analyses exclude no row, and a million-row table's identifier set costs ~0.1 s.
    private readonly Lazy<HashSet<string>> _identifiers;

    private IdentifierScrubber(Func<HashSet<string>> identifiers) => _identifiers = new(identifiers, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A scrubber that removes nothing (data without identifier columns).</summary>
    public static IdentifierScrubber None { get; } = new(() => []);

    /// <summary>A scrubber for the identifier values of <paramref name="table"/>.</summary>
    public static IdentifierScrubber For(ColumnTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new IdentifierScrubber(() => IdentifierValues(table));
    }

    private static HashSet<string> IdentifierValues(ColumnTable table)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in IdentifierColumns)
        {
            if (table.TryGetColumn(name, out var column) && column is TextColumn text)
            {
                values.UnionWith(text.Values.OfType<string>().Where(v => v.Length > 0));
            }
        }
        return values;
    }

    /// <summary><paramref name="text"/> with every identifier (as a whole word, or quoted) replaced by <c>[id]</c>.</summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_identifiers.Value.Count == 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsSeparator(text[i]))
            {
                continue;
            }
            var word = text.AsSpan(start, i - start);
            result.Append(word.Length > 0 && SpanIsIdentifier(word) ? "[id]" : word);
            if (i < text.Length)
            {
                result.Append(text[i]);
            }
            start = i + 1;
        }
        return result.ToString();
    }

    /// <summary>The exclusion with its reason scrubbed.</summary>
    public RowExclusion Scrub(RowExclusion exclusion)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        var reason = Scrub(exclusion.Reason);
        return ReferenceEquals(reason, exclusion.Reason) || reason == exclusion.Reason ? exclusion : exclusion with { Reason = reason };
    }

    private bool SpanIsIdentifier(ReadOnlySpan<char> word) => _identifiers.Value.Contains(word.Trim(":;,.'\"()[]").ToString());

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c);
}
