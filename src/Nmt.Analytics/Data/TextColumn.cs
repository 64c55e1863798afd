namespace Nmt.Analytics.Data;

/// <summary>A text or categorical column; <c>null</c> marks a missing value.</summary>
public sealed class TextColumn : TableColumn
{
    /// <summary>Wraps <paramref name="values"/> (not copied).</summary>
    public TextColumn(string name, string?[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>The values; null where missing.</summary>
    public string?[] Values { get; }

    /// <inheritdoc/>
    public override int Length => Values.Length;

    /// <summary>The value at <paramref name="row"/> (null when missing).</summary>
    public string? this[int row] => Values[row];

    /// <inheritdoc/>
    public override bool IsMissing(int row) => Values[row] is null;

    /// <summary>Distinct non-missing values in ordinal sorted order (R's default level order for ASCII codes).</summary>
    public IReadOnlyList<string> Levels()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in Values)
        {
            if (v is not null)
            {
                set.Add(v);
            }
        }
        var levels = set.ToList();
        levels.Sort(StringComparer.Ordinal);
        return levels;
    }

    /// <inheritdoc/>
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var taken = new string?[rows.Count];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = Values[rows[i]];
        }
        return new TextColumn(Name, taken);
    }
}
