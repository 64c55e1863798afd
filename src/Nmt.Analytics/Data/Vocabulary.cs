namespace Nmt.Analytics.Data;

/// <summary>A controlled vocabulary: the allowed codes of a code column, with labels and descriptions.</summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, VocabularyEntry> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lookup;

    /// <summary>Creates a vocabulary from its entries (codes must be unique).</summary>
    public Vocabulary(string name, IEnumerable<VocabularyEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        var list = new List<VocabularyEntry>();
        foreach (var entry in entries)
        {
            if (!_byCode.TryAdd(entry.Code, entry))
            {
                throw new ArgumentException($"Vocabulary '{name}' lists code '{entry.Code}' twice.", nameof(entries));
            }
            list.Add(entry);
        }
        Entries = list;
        _lookup = _byCode.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);
    }

    /// <summary>Vocabulary name (file name without <c>.csv</c>).</summary>
    public string Name { get; }

    /// <summary>Entries in file order.</summary>
    public IReadOnlyList<VocabularyEntry> Entries { get; }

    /// <summary>The codes in file order.</summary>
    public IEnumerable<string> Codes => Entries.Select(e => e.Code);

    /// <summary>True when <paramref name="code"/> is in the vocabulary (ordinal, case-sensitive).</summary>
    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>
    /// Looks a code up by span and returns the vocabulary's own string instance, so loaded tables share
    /// one string per code instead of one per cell.
    /// </summary>
    public bool TryGetCode(ReadOnlySpan<char> code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? canonical) =>
        SpanLookup.TryGetValue(_lookup, code, out canonical);

    /// <summary>The closest valid code to a misspelt one, or null when nothing is close.</summary>
    public string? Closest(string code) => NameSuggester.Closest(code, Codes);
}
