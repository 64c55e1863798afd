namespace Nmt.Analytics.Data;

/// <summary>
/// Validates session data against the contract without loading it: rows are streamed, so a file of any size can be
/// checked in bounded memory (only per-client state is kept). Use <see cref="DataLoader.Load(string, LoadOptions?)"/>
/// to validate and load in one pass.
/// </summary>
public static class SessionValidator
{
    /// <summary>Validates a CSV or Parquet file.</summary>
    /// <exception cref="NmtInputException">The file does not exist, is a folder or cannot be read.</exception>
    public static ValidationReport Validate(string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = OpenFile(path);
        return Validate(stream, Path.GetFileName(path), options);
    }

    /// <summary>Validates CSV or Parquet data read from <paramref name="stream"/> (Parquet needs a seekable stream).</summary>
    /// <remarks>A large CSV is validated on every core (<see cref="ParallelValidation"/>), with the same result as in one thread.</remarks>
    public static ValidationReport Validate(Stream stream, string sourceName, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parallel = !ParquetTableReader.IsParquet(stream) && ParallelValidation.Worthwhile(stream);
        return Validate(stream, sourceName, options ?? LoadOptions.Default, parallel);
    }

    /// <summary>Validates in one thread or (CSV only) in parallel; tests compare the two.</summary>
    internal static ValidationReport Validate(Stream stream, string sourceName, LoadOptions options, bool parallel,
        int batchRows = ParallelValidation.DefaultBatchRows, int chunkBytes = CsvChunker.DefaultChunkBytes)
    {
        var start = stream.CanSeek ? stream.Position : 0;
        using var source = OpenSource(stream);
        return parallel && source is CsvRowSource csv && stream.CanSeek
            ? ParallelValidation.Validate(csv, stream, start, sourceName, options, batchRows, chunkBytes)
            : new SessionScanner(source, sourceName, options).Finish();
    }

    /// <summary>Validates an in-memory table (e.g. built in code or read from another format).</summary>
    public static ValidationReport Validate(ColumnTable table, string sourceName = "table", LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var source = new TableRowSource(table);
        return new SessionScanner(source, sourceName, options ?? LoadOptions.Default).Finish();
    }

    /// <summary>Opens a data file for one sequential read.</summary>
    /// <exception cref="NmtInputException">The path is a folder, does not exist, or cannot be read (permissions, a symbolic-link loop...).</exception>
    internal static FileStream OpenFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new NmtInputException($"'{path}' is a directory, not a data file; give the CSV or Parquet file inside it.");
        }
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NmtInputException($"file not found: {path}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NmtInputException($"cannot read '{path}': {e.Message}", e);
        }
    }

    /// <summary>A row source for CSV or (by its magic bytes) Parquet; the stream stays open.</summary>
    internal static IRowSource OpenSource(Stream stream) =>
        ParquetTableReader.IsParquet(stream)
            ? new TableRowSource(ParquetTableReader.Read(stream))
            : CsvRowSource.Open(stream, leaveOpen: true);
}
