namespace Nmt.Analytics.Data;

/// <summary>
/// A forward-only stream of rows (CSV, Parquet or an in-memory table) that the validator and the table builder
/// consume one row at a time, so a file never has to be held in memory to be validated.
/// </summary>
internal interface IRowSource : IDisposable
{
    /// <summary>Column names as in the header (trimmed).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>What was detected about a CSV file; null for other sources.</summary>
    CsvFormat? Format { get; }

    /// <summary>True when the source had no content at all.</summary>
    bool IsEmpty { get; }

    /// <summary>1-based source line where the current row starts (header = line 1).</summary>
    long Line { get; }

    /// <summary>Number of fields in the current row.</summary>
    int FieldCount { get; }

    /// <summary>True when the current row contains bytes that are not valid UTF-8.</summary>
    bool HasInvalidUtf8 { get; }

    /// <summary>
    /// Estimated total number of rows once some rows have been read (from the byte offset and the file length), or null
    /// when unknown. Lets the table builder size its arrays once instead of doubling them.
    /// </summary>
    long? EstimatedRows { get; }

    /// <summary>Advances to the next row; false at the end.</summary>
    bool Read();

    /// <summary>Field <paramref name="index"/> of the current row, untrimmed; valid until the next <see cref="Read"/>.</summary>
    ReadOnlySpan<char> Field(int index);
}
