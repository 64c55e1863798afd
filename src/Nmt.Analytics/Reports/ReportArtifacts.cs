using Nmt.Analytics.Charts;
using Nmt.Analytics.Results;
using ScottPlot;

namespace Nmt.Analytics.Reports;

/// <summary>
/// The charts and tables a report shows, kept so they can also be written as separate files
/// (<c>charts/NAME.png</c>, <c>charts/NAME.svg</c>, <c>tables/NAME.csv</c>) for slides and papers.
/// </summary>
public sealed class ReportArtifacts
{
    private readonly List<(string Name, Plot Plot)> _charts = [];
    private readonly List<(string Name, ResultTable Table)> _tables = [];

    /// <summary>Chart names in the order they were added.</summary>
    public IReadOnlyList<string> ChartNames => _charts.Select(c => c.Name).ToList();

    /// <summary>Table names in the order they were added.</summary>
    public IReadOnlyList<string> TableNames => _tables.Select(t => t.Name).ToList();

    /// <summary>Records a chart and returns its SVG text for inlining.</summary>
    public string AddChart(string name, Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        _charts.Add((name, plot));
        return plot.GetSvgXml(ChartTheme.DefaultWidth, ChartTheme.DefaultHeight);
    }

    /// <summary>Records a table.</summary>
    public void AddTable(string name, ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables.Add((name, table));
    }

    /// <summary>Writes every chart (PNG and SVG) and table (CSV) under <paramref name="directory"/>.</summary>
    public void WriteTo(string directory)
    {
        var charts = Directory.CreateDirectory(Path.Combine(directory, "charts")).FullName;
        var tables = Directory.CreateDirectory(Path.Combine(directory, "tables")).FullName;
        foreach (var (name, plot) in _charts)
        {
            ChartTheme.Save(plot, Path.Combine(charts, name + ".png"));
            ChartTheme.Save(plot, Path.Combine(charts, name + ".svg"));
        }
        foreach (var (name, table) in _tables)
        {
            File.WriteAllText(Path.Combine(tables, name + ".csv"), table.ToCsv());
        }
    }
}
