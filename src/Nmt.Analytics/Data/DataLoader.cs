using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Data;

/// <summary>
/// The one way in for data: a path, a stream or the bundled demo data; CSV or Parquet (by content, not by name); a
/// session dataset or a plain tidy table (<see cref="LoadOptions.Shape"/>, decided from the header when
/// <see cref="DataShape.Auto"/>). Every command, the report and the notebooks load through here, so the validation
/// result and the exclusions reach every analysis.
/// </summary>
public static class DataLoader
{
    /// <summary>The name the bundled demo data carries in outputs.</summary>
    public const string DemoName = "demo data (simulated)";

    /// <summary>Loads a file.</summary>
    /// <exception cref="NmtInputException">
    /// Missing, unreadable or malformed file (with line), a session file that cannot be analysed, or direct identifiers.
    /// </exception>
    public static LoadedData Load(string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = SessionValidator.OpenFile(path);
        return Load(stream, Path.GetFileName(path), options);
    }

    /// <summary>Loads from a stream (Parquet needs a seekable stream).</summary>
    /// <exception cref="NmtInputException">As for <see cref="Load(string, LoadOptions?)"/>.</exception>
    public static LoadedData Load(Stream stream, string sourceName, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= LoadOptions.Default;
        var shape = options.Shape == DataShape.Auto ? Detect(stream) : options.Shape;
        if (shape == DataShape.Plain)
        {
            var table = PlainTableReader.Read(stream, sourceName);
            var note = options.Shape == DataShape.Auto
                ? $"{sourceName} is not a session dataset (it lacks most of {string.Join(", ", SessionSchema.RequiredColumns)}); read as a plain table without session validation."
                : null;
            return new LoadedData(table, sourceName, table.RowCount, [], null, note);
        }
        return FromSession(SessionDataset.Read(stream, sourceName, options));
    }

    /// <summary>Loads the bundled demo session data.</summary>
    public static LoadedData LoadDemo(LoadOptions? options = null)
    {
        using var stream = DemoData.OpenSessionsCsv();
        return Load(stream, DemoName, options);
    }

    /// <summary>Wraps an in-memory table as plain data (every row read and usable; analyses add their exclusions).</summary>
    public static LoadedData FromTable(ColumnTable table, string sourceName = "table")
    {
        ArgumentNullException.ThrowIfNull(table);
        return new LoadedData(table, sourceName, table.RowCount, [], null, null);
    }

    /// <summary>Wraps an already loaded session dataset.</summary>
    public static LoadedData FromSession(SessionDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new LoadedData(dataset.Table, dataset.SourceName, dataset.Validation.Rows, dataset.Exclusions, dataset, null);
    }

    /// <summary>
    /// Session data unless the header lacks more than half of the required session columns (e.g. a study's own
    /// tidy data); a session file missing only some required columns still gets the session errors.
    /// </summary>
    private static DataShape Detect(Stream stream)
    {
        if (!stream.CanSeek || ParquetTableReader.IsParquet(stream))
        {
            return DataShape.Session;
        }
        var start = stream.Position;
        IReadOnlyList<string> header;
        using (var source = CsvRowSource.Open(stream, leaveOpen: true))
        {
            header = source.IsEmpty ? [] : [.. source.Header];
        }
        stream.Position = start;
        var present = SessionSchema.RequiredColumns.Count(header.Contains);
        return header.Count > 0 && 2 * present < SessionSchema.RequiredColumns.Count ? DataShape.Plain : DataShape.Session;
    }
}
