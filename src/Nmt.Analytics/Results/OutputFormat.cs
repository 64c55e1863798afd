namespace Nmt.Analytics.Results;

/// <summary>How a result is presented (<c>--format</c> of the command line).</summary>
public enum OutputFormat
{
    /// <summary>Aligned text tables for reading in a terminal.</summary>
    Table,

    /// <summary>JSON in the documented contract shape.</summary>
    Json,

    /// <summary>CSV (RFC 4180), one table after another separated by a blank line.</summary>
    Csv,
}
