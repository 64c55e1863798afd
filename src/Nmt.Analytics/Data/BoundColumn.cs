namespace Nmt.Analytics.Data;

/// <summary>A header column bound to its contract spec (null for extra columns), with its string pool.</summary>
internal sealed class BoundColumn(int index, string name, ColumnSpec? spec)
{
    private const int MaxPooled = 100_000;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    public int Index { get; } = index;
    public string Name { get; } = name;
    public ColumnSpec? Spec { get; } = spec;
    public Vocabulary? Vocabulary { get; } = spec is null ? null : SessionSchema.VocabularyOf(spec);

    /// <summary>Ignored columns (duplicates, direct identifiers, derived, unnamed) are neither checked nor loaded.</summary>
    public bool Ignored { get; set; }

    /// <summary>Code sets already seen, by their raw text (they repeat: one shared array per combination).</summary>
    public Dictionary<string, string[]> CodeSets { get; } = new(StringComparer.Ordinal);

    /// <summary>Pooled values already found to look like a direct identifier: every row holding one is reported, not only the first.</summary>
    public HashSet<string> Identifiers { get; } = new(StringComparer.Ordinal);

    public ColumnKind Kind => Spec?.Kind ?? ColumnKind.Text;

    /// <summary>
    /// The shared string for <paramref name="value"/>; <paramref name="isNew"/> is true the first time it is seen
    /// (or always, once the pool is full), which is when the value gets the identifier check.
    /// </summary>
    public string Intern(ReadOnlySpan<char> value, out bool isNew)
    {
        if (SpanLookup.TryGetValue(_pool, value, out var existing))
        {
            isNew = false;
            return existing;
        }
        isNew = true;
        var text = value.ToString();
        if (_pool.Count < MaxPooled || Name == "client_id")
        {
            _pool[text] = text;
        }
        return text;
    }
}
