using System.Runtime.CompilerServices;

namespace Nmt.Analytics.Formulas;

/// <summary>
/// A factor's labels as integer codes: one pass over the rows gives each distinct label a code (in order of first
/// appearance) and each row its label's code (−1 when missing). Level sets, indicator columns and grouping factors then
/// work on integers instead of hashing a string per row.
/// </summary>
internal sealed class LabelCodes
{
    // Readers intern repeated values, so one string instance usually stands for one label: a small cache keyed by the
    // instance (direct-mapped on its identity hash) answers most rows without hashing the characters.
    private const int CacheSize = 64;

    private LabelCodes(int[] codes, string[] distinct)
    {
        Codes = codes;
        Distinct = distinct;
    }

    /// <summary>Per row: the index of its label in <see cref="Distinct"/>, or −1 when missing.</summary>
    public int[] Codes { get; }

    /// <summary>The distinct labels, in order of first appearance.</summary>
    public string[] Distinct { get; }

    /// <summary>Codes the labels of every row.</summary>
    public static LabelCodes Of(string?[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var codes = new int[labels.Length];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var cachedLabel = new string?[CacheSize];
        var cachedCode = new int[CacheSize];
        string? previous = null;
        var previousCode = -1;
        for (var r = 0; r < labels.Length; r++)
        {
            var label = labels[r];
            if (!ReferenceEquals(label, previous))
            {
                previous = label;
                previousCode = label is null ? -1 : Lookup(label, index, distinct, cachedLabel, cachedCode);
            }
            codes[r] = previousCode;
        }
        return new LabelCodes(codes, [.. distinct]);
    }

    private static int Lookup(string label, Dictionary<string, int> index, List<string> distinct, string?[] cachedLabel, int[] cachedCode)
    {
        var slot = RuntimeHelpers.GetHashCode(label) & (CacheSize - 1);
        if (ReferenceEquals(cachedLabel[slot], label))
        {
            return cachedCode[slot];
        }
        if (!index.TryGetValue(label, out var code))
        {
            code = distinct.Count;
            index.Add(label, code);
            distinct.Add(label);
        }
        (cachedLabel[slot], cachedCode[slot]) = (label, code);
        return code;
    }

    /// <summary>Which codes occur among <paramref name="rows"/>.</summary>
    public bool[] PresentOver(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var present = new bool[Distinct.Length];
        foreach (var r in rows)
        {
            if (Codes[r] is var code and >= 0)
            {
                present[code] = true;
            }
        }
        return present;
    }

    /// <summary>For each code, the position of its label in <paramref name="levels"/>, or −1 when it is not listed.</summary>
    public int[] PositionsIn(IReadOnlyList<string> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var position = new Dictionary<string, int>(levels.Count, StringComparer.Ordinal);
        for (var j = 0; j < levels.Count; j++)
        {
            position.TryAdd(levels[j], j);
        }
        return [.. Distinct.Select(label => position.TryGetValue(label, out var j) ? j : -1)];
    }
}
