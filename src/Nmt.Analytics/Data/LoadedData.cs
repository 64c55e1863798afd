using Nmt.Analytics.Privacy;

namespace Nmt.Analytics.Data;

/// <summary>
/// Data as every analysis receives it from <see cref="DataLoader"/>: the usable rows, whether they are a validated
/// session dataset or a plain table, the validation report, and the rows left out at loading. Analyses add their
/// own exclusions through <see cref="Account"/>, so every result reports <c>n_read</c>, <c>n_used</c> and
/// <c>excluded_rows</c>.
/// </summary>
public sealed class LoadedData
{
    internal LoadedData(ColumnTable table, string sourceName, long rowsRead, IReadOnlyList<RowExclusion> exclusions,
        SessionDataset? session, string? note)
    {
        Table = table;
        SourceName = sourceName;
        RowsRead = rowsRead;
        Exclusions = exclusions;
        Session = session;
        Note = note;
        Scrubber = IdentifierScrubber.For(table);
    }

    /// <summary>The usable rows (session data: typed by the schema, with <c>pain_change</c>).</summary>
    public ColumnTable Table { get; }

    /// <summary>File name or description of the source.</summary>
    public string SourceName { get; }

    /// <summary>Data rows read (the header not counted).</summary>
    public long RowsRead { get; }

    /// <summary>Rows left out at loading (validation errors), with file line and reason.</summary>
    public IReadOnlyList<RowExclusion> Exclusions { get; }

    /// <summary>The validated session dataset; null for a plain table.</summary>
    public SessionDataset? Session { get; }

    /// <summary>True for a session dataset (validated), false for a plain table.</summary>
    public bool IsSessionData => Session is not null;

    /// <summary>The validation report (null for a plain table, which has no session rules).</summary>
    public ValidationReport? Validation => Session?.Validation;

    /// <summary>A note for the user about how the data were read (e.g. as a plain table), or null.</summary>
    public string? Note { get; }

    /// <summary>Removes the data's client and therapist identifiers from shared text.</summary>
    public IdentifierScrubber Scrubber { get; }

    /// <summary>The session dataset, or an error naming why the data are not one.</summary>
    /// <exception cref="NmtInputException">The data were read as a plain table.</exception>
    public SessionDataset RequireSession() => Session
        ?? throw new NmtInputException($"{SourceName} is not a session dataset (it lacks most of {string.Join(", ", SessionSchema.RequiredColumns)}); this analysis needs session data.");

    /// <summary>
    /// The rows an analysis used and left out: the loading exclusions plus <paramref name="analysisExclusions"/>
    /// (rows of <see cref="Table"/> the analysis could not use), one entry per row (the first reason wins), in file
    /// order, reasons scrubbed of identifiers.
    /// </summary>
    public RowAccounting Account(IEnumerable<RowExclusion>? analysisExclusions = null)
    {
        var byLine = new SortedDictionary<long, RowExclusion>();
        foreach (var exclusion in Exclusions.Concat(analysisExclusions ?? []))
        {
            byLine.TryAdd(exclusion.Line, Scrubber.Scrub(exclusion));
        }
        return new RowAccounting(RowsRead, [.. byLine.Values]);
    }
}
