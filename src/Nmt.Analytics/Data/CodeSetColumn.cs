namespace Nmt.Analytics.Data;

/// <summary>
/// A multi-valued code column such as <c>techniques</c> (<c>"ischemic_compression;muscle_energy"</c>):
/// each row holds a set of codes. An empty set is a valid value; <c>null</c> marks a missing value.
/// </summary>
public sealed class CodeSetColumn : TableColumn
{
    /// <summary>Wraps <paramref name="values"/> (not copied).</summary>
    public CodeSetColumn(string name, string[]?[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>The code sets; null where missing.</summary>
    public string[]?[] Values { get; }

    /// <inheritdoc/>
    public override int Length => Values.Length;

    /// <summary>The codes at <paramref name="row"/> (null when missing).</summary>
    public IReadOnlyList<string>? this[int row] => Values[row];

    /// <inheritdoc/>
    public override bool IsMissing(int row) => Values[row] is null;

    /// <summary>True when the row's set contains <paramref name="code"/>.</summary>
    public bool Contains(int row, string code) => Values[row] is { } codes && Array.IndexOf(codes, code) >= 0;

    /// <summary>Distinct codes over all rows, in ordinal sorted order.</summary>
    public IReadOnlyList<string> Codes()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        string[]? previous = null;
        foreach (var codes in Values)
        {
            // Rows with the same set often share one array (as the loader and simulator build them): skip repeats cheaply.
            if (codes is null || ReferenceEquals(codes, previous))
            {
                continue;
            }
            previous = codes;
            foreach (var code in codes)
            {
                set.Add(code);
            }
        }
        return set.Order(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc/>
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var taken = new string[]?[rows.Count];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = Values[rows[i]];
        }
        return new CodeSetColumn(Name, taken);
    }
}
