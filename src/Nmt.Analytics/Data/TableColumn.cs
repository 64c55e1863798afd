namespace Nmt.Analytics.Data;

/// <summary>One named column of a <see cref="ColumnTable"/>.</summary>
public abstract class TableColumn
{
    /// <summary>Creates a column with the given name.</summary>
    protected TableColumn(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The column name as it appears in the data header.</summary>
    public string Name { get; }

    /// <summary>Number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>True where the value of <paramref name="row"/> is missing.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>A new column holding only the given rows, in that order.</summary>
    public abstract TableColumn Take(IReadOnlyList<int> rows);

    /// <summary>Number of missing values.</summary>
    public int MissingCount()
    {
        var count = 0;
        for (var i = 0; i < Length; i++)
        {
            if (IsMissing(i))
            {
                count++;
            }
        }
        return count;
    }
}
