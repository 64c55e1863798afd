namespace Nmt.Analytics.Data;

/// <summary>
/// Validates session data against the contract without loading it: rows are streamed, so a file of any size can be
/// checked in bounded memory (only per-client state is kept). Use <see cref="SessionDataset.Load(string, LoadOptions?)"/>
/// to validate and load in one pass.
/// </summary>
public static class SessionValidator
{
    /// <summary>Validates a CSV or Parquet file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ValidationReport Validate(string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = OpenFile(path);
        return Validate(stream, Path.GetFileName(path), options);
    }

    /// <summary>Validates CSV or Parquet data read from <paramref name="stream"/> (Parquet needs a seekable stream).</summary>
    public static ValidationReport Validate(Stream stream, string sourceName, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var source = OpenSource(stream);
        return new SessionScanner(source, sourceName, options ?? LoadOptions.Default).Finish();
    }

    /// <summary>Validates an in-memory table (e.g. built in code or read from another format).</summary>
    public static ValidationReport Validate(ColumnTable table, string sourceName = "table", LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var source = new TableRowSource(table);
        return new SessionScanner(source, sourceName, options ?? LoadOptions.Default).Finish();
    }

    internal static FileStream OpenFile(string path) =>
        File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)
            : throw new FileNotFoundException($"data file not found: {path}", path);

    /// <summary>A row source for CSV or (by its magic bytes) Parquet; the stream stays open.</summary>
    internal static IRowSource OpenSource(Stream stream) =>
        ParquetTableReader.IsParquet(stream)
            ? new TableRowSource(ParquetTableReader.Read(stream))
            : CsvRowSource.Open(stream, leaveOpen: true);
}
