namespace Nmt.Analytics.Reports;

/// <summary>A built report: the HTML document and the charts and tables it contains.</summary>
/// <param name="Document">The report document (render with <see cref="ReportDocument.ToHtml"/>).</param>
/// <param name="Artifacts">Charts and tables, for writing as separate files.</param>
public sealed record ReportResult(ReportDocument Document, ReportArtifacts Artifacts);
