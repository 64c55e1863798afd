using Nmt.Analytics.Results;
using ScottPlot;

namespace Nmt.Analytics.Reports;

/// <summary>What every report section needs: the inputs, the options, and the artifacts being collected.</summary>
internal sealed class ReportContext(ReportInputs inputs, ReportOptions options)
{
    public ReportInputs Inputs { get; } = inputs;

    public ReportOptions Options { get; } = options;

    public ReportArtifacts Artifacts { get; } = new();

    /// <summary>Adds a chart to <paramref name="section"/> (inlined SVG) and to the artifacts.</summary>
    public void Figure(ReportSection section, string name, Plot plot, string caption) =>
        section.SvgFigure(Artifacts.AddChart(name, plot), caption);

    /// <summary>Adds a table to <paramref name="section"/> and to the artifacts.</summary>
    public void Table(ReportSection section, string name, ResultTable table) => Table(section, name, table, table);

    /// <summary>Shows <paramref name="shown"/> (e.g. fewer columns) in the page and writes the <paramref name="full"/> table as CSV.</summary>
    public void Table(ReportSection section, string name, ResultTable full, ResultTable shown)
    {
        Artifacts.AddTable(name, full);
        section.Table(shown);
    }
}
