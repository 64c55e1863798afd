namespace Nmt.Analytics.Data;

/// <summary>Options for loading and validating session data.</summary>
public sealed class LoadOptions
{
    /// <summary>The defaults: 200 issues kept, k-anonymity threshold 5.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>How many issues the report keeps (all are still counted per rule). Default 200.</summary>
    public int MaxIssues { get; init; } = 200;

    /// <summary>Group size below which a quasi-identifier combination counts as a small cell. Default 5.</summary>
    public int KThreshold { get; init; } = 5;

    /// <summary>How many of the smallest quasi-identifier groups the anonymity report lists. Default 10.</summary>
    public int SmallestGroupsShown { get; init; } = 10;

    /// <summary>Session dataset, plain table, or decided from the header (default).</summary>
    public DataShape Shape { get; init; } = DataShape.Auto;

    /// <summary>These options with another <see cref="Shape"/>.</summary>
    public LoadOptions WithShape(DataShape shape) => new()
    {
        MaxIssues = MaxIssues,
        KThreshold = KThreshold,
        SmallestGroupsShown = SmallestGroupsShown,
        Shape = shape,
    };
}
