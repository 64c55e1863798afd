using Nmt.Analytics.Data;

namespace Nmt.Analytics.Reports;

/// <summary>The data a report is built from.</summary>
/// <param name="Sessions">The session table (contract columns), already validated.</param>
/// <param name="SourceName">Where the sessions came from (file name or "demo data").</param>
/// <param name="Exclusions">Rows excluded during loading and validation, with reasons.</param>
/// <param name="Studies">Optional study-level effect data for the evidence summary (studies schema).</param>
public sealed record ReportInputs(
    ColumnTable Sessions,
    string SourceName,
    IReadOnlyList<RowExclusion> Exclusions,
    ColumnTable? Studies = null);
