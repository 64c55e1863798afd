namespace Nmt.Analytics.Data;

/// <summary>The contract of one session-data column, as written in <c>data-schema/data-dictionary.md</c>.</summary>
/// <param name="Name">Column name in the file header (snake_case).</param>
/// <param name="Kind">How values are typed and checked.</param>
/// <param name="Required">True when the column must be present in every file.</param>
/// <param name="Meaning">What the column records.</param>
/// <param name="Concept">The NMT concept the column records (e.g. <c>trigger points</c>, <c>hydration</c>).</param>
public sealed record ColumnSpec(string Name, ColumnKind Kind, bool Required, string Meaning, string Concept)
{
    /// <summary>Smallest allowed value (numbers), or null for no lower bound. Values below are errors.</summary>
    public double? Min { get; init; }

    /// <summary>Largest allowed value (numbers), or null for no upper bound. Values above are errors.</summary>
    public double? Max { get; init; }

    /// <summary>Smallest plausible value; allowed values below it are warnings. Null when no such check.</summary>
    public double? PlausibleMin { get; init; }

    /// <summary>Largest plausible value; allowed values above it are warnings. Null when no such check.</summary>
    public double? PlausibleMax { get; init; }

    /// <summary>Unit of measurement (e.g. <c>NPRS 0-10</c>, <c>kg/cm²</c>), or null.</summary>
    public string? Unit { get; init; }

    /// <summary>Name of the controlled vocabulary (file <c>vocabularies/NAME.csv</c>) for code columns, or null.</summary>
    public string? Vocabulary { get; init; }

    /// <summary>
    /// True when a row must have a value (an empty cell is an error). False when the column may be present
    /// with empty cells (a missing optional value is fine).
    /// </summary>
    public bool ValueRequired { get; init; }

    /// <summary>True for numeric kinds (<see cref="ColumnKind.Integer"/>, <see cref="ColumnKind.Number"/>, <see cref="ColumnKind.Flag"/>).</summary>
    public bool IsNumeric => Kind is ColumnKind.Integer or ColumnKind.Number or ColumnKind.Flag;

    /// <summary>The kind as written in the dictionary and JSON schema (snake_case, e.g. <c>code_set</c>).</summary>
    public string KindName => KindToName(Kind);

    /// <summary>Snake-case name of a <see cref="ColumnKind"/>.</summary>
    public static string KindToName(ColumnKind kind) => kind switch
    {
        ColumnKind.Identifier => "identifier",
        ColumnKind.Integer => "integer",
        ColumnKind.Number => "number",
        ColumnKind.Code => "code",
        ColumnKind.CodeSet => "code_set",
        ColumnKind.Flag => "flag",
        _ => "text",
    };
}
