using System.Globalization;
using Microsoft.Data.Analysis;
using Microsoft.ML;

namespace Nmt.Analytics.Data;

/// <summary>
/// A validated session dataset ready for analysis: the typed <see cref="Table"/> of usable rows (with the derived
/// <c>pain_change</c>), the <see cref="Validation"/> report, the rows left out (<see cref="Exclusions"/>, with reasons)
/// and the <see cref="Anonymity"/> report. Data flows one way: load → validate → analyse → present.
/// </summary>
public sealed class SessionDataset
{
    private SessionDataset(ColumnTable table, string sourceName, ValidationReport validation, IReadOnlyList<RowExclusion> exclusions)
    {
        Table = table;
        SourceName = sourceName;
        Validation = validation;
        Exclusions = exclusions;
    }

    /// <summary>The usable rows, typed by the schema; extra columns kept (numeric when every value is a number).</summary>
    public ColumnTable Table { get; }

    /// <summary>File name or description of the source.</summary>
    public string SourceName { get; }

    /// <summary>Everything the validator found (errors, warnings, counts).</summary>
    public ValidationReport Validation { get; }

    /// <summary>Rows with errors, excluded from <see cref="Table"/>, with the line and the first error's reason.</summary>
    public IReadOnlyList<RowExclusion> Exclusions { get; }

    /// <summary>Direct identifiers (none, or loading would have failed) and k-anonymity over the quasi-identifiers.</summary>
    public AnonymityReport Anonymity => Validation.Anonymity;

    /// <summary>
    /// Loads and validates a CSV (comma or semicolon, decimal point or comma, BOM, CRLF) or Parquet session file: a
    /// thin wrapper over the one entry point, <c>DataLoader.Load(path, options)</c> with <see cref="DataShape.Session"/>,
    /// kept for compatibility. Prefer <see cref="DataLoader.Load(string, LoadOptions?)"/>, whose
    /// <see cref="LoadedData"/> also carries the row accounting.
    /// </summary>
    /// <exception cref="NmtInputException">
    /// The file is empty or has no rows, lacks required columns, or contains direct identifiers (message names column and line).
    /// </exception>
    public static SessionDataset Load(string path, LoadOptions? options = null) =>
        DataLoader.Load(path, AsSession(options)).RequireSession();

    /// <summary>
    /// Loads and validates CSV or Parquet session data from a stream (Parquet needs a seekable stream): a thin wrapper
    /// over <see cref="DataLoader.Load(Stream, string, LoadOptions?)"/> with <see cref="DataShape.Session"/>.
    /// </summary>
    /// <exception cref="NmtInputException">As for <see cref="Load(string, LoadOptions?)"/>.</exception>
    public static SessionDataset Load(Stream stream, string sourceName, LoadOptions? options = null) =>
        DataLoader.Load(stream, sourceName, AsSession(options)).RequireSession();

    /// <summary>Reads and validates a session stream (what <see cref="DataLoader"/> does for session data).</summary>
    internal static SessionDataset Read(Stream stream, string sourceName, LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var maxRows = ParquetTableReader.IsParquet(stream) ? null : LineCounter.MaxDataRows(stream);
        using var source = SessionValidator.OpenSource(stream);
        return Read(source, sourceName, options, maxRows);
    }

    private static LoadOptions AsSession(LoadOptions? options) => (options ?? LoadOptions.Default).WithShape(DataShape.Session);

    /// <summary>Validates an in-memory table exactly as a file would be, and wraps its usable rows.</summary>
    /// <exception cref="NmtInputException">As for <see cref="Load(string, LoadOptions?)"/>.</exception>
    public static SessionDataset FromTable(ColumnTable table, string sourceName = "table", LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var source = new TableRowSource(table);
        return Read(source, sourceName, options ?? LoadOptions.Default);
    }

    /// <summary>The table as a Microsoft.Data.Analysis <see cref="DataFrame"/> (missing numbers as nulls; code sets joined by ';').</summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>();
        foreach (var column in Table.Columns)
        {
            columns.Add(column switch
            {
                NumericColumn n => new DoubleDataFrameColumn(n.Name, n.Values.Select(v => double.IsNaN(v) ? (double?)null : v)),
                CodeSetColumn s => new StringDataFrameColumn(s.Name, s.Values.Select(v => v is null ? null : string.Join(';', v))),
                TextColumn t => new StringDataFrameColumn(t.Name, t.Values),
                _ => throw new NotSupportedException($"Column type {column.GetType().Name} has no DataFrame form."),
            });
        }
        return new DataFrame(columns);
    }

    /// <summary>The table as an ML.NET <see cref="IDataView"/> (a <see cref="DataFrame"/> is one).</summary>
    public IDataView ToDataView(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ToDataFrame();
    }

    /// <param name="source">The rows.</param>
    /// <param name="sourceName">File name for messages.</param>
    /// <param name="options">Validation options.</param>
    /// <param name="maxRows">An upper bound of the data rows (CSV line count) when known: the columns are sized to it at once.</param>
    private static SessionDataset Read(IRowSource source, string sourceName, LoadOptions options, long? maxRows = null)
    {
        var exclusions = new List<RowExclusion>();
        var scanner = new SessionScanner(source, sourceName, options) { Exclusions = exclusions };
        var sized = maxRows is > 0 and < int.MaxValue;
        var builder = new SessionTableBuilder(scanner.Columns, source.Format?.DecimalComma ?? false, sized ? (int)maxRows!.Value : 1024);
        while (scanner.Next())
        {
            if (!sized && scanner.Rows == 4096 && source.EstimatedRows is { } estimate)
            {
                builder.EnsureCapacity(estimate + (estimate / 50) + 16);
            }
            if (scanner.Row.IsUsable)
            {
                builder.Append(scanner.Row);
            }
        }
        var report = scanner.Finish();
        ThrowIfUnusable(report);
        return new SessionDataset(builder.Build(), sourceName, report, exclusions);
    }

    private static void ThrowIfUnusable(ValidationReport report)
    {
        var anonymity = report.Anonymity;
        if (anonymity.HasDirectIdentifiers)
        {
            var first = anonymity.DirectIdentifiers[0];
            var more = anonymity.DirectIdentifierCount > 1
                ? string.Create(CultureInfo.InvariantCulture, $" ({anonymity.DirectIdentifierCount} direct identifiers in all; run 'nmt validate' to list them)")
                : "";
            var what = first.Kind == IdentifierKind.ColumnName
                ? "the column name looks like a direct identifier (name, contact, address, date...)"
                : $"a value looks like {AnonymityGuard.Describe(first.Kind)}";
            throw new NmtInputException($"{what}{more}. Data with direct identifiers is refused: remove them and load again.", first.Line, first.Column);
        }
        if (report.IsFatal)
        {
            var problems = report.Errors.Where(e => e.Line is null or 1).Select(e => e.Reason).ToList();
            throw new NmtInputException($"{report.SourceName} cannot be analysed: {string.Join("; ", problems)}.");
        }
    }
}
