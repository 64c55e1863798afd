namespace Nmt.Analytics.Data;

/// <summary>A numeric column; <see cref="double.NaN"/> marks a missing value.</summary>
public sealed class NumericColumn : TableColumn
{
    /// <summary>Wraps <paramref name="values"/> (not copied).</summary>
    public NumericColumn(string name, double[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>The values; NaN where missing.</summary>
    public double[] Values { get; }

    /// <inheritdoc/>
    public override int Length => Values.Length;

    /// <summary>The value at <paramref name="row"/> (NaN when missing).</summary>
    public double this[int row] => Values[row];

    /// <inheritdoc/>
    public override bool IsMissing(int row) => double.IsNaN(Values[row]);

    /// <inheritdoc/>
    public override TableColumn Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var taken = new double[rows.Count];
        for (var i = 0; i < taken.Length; i++)
        {
            taken[i] = Values[rows[i]];
        }
        return new NumericColumn(Name, taken);
    }
}
