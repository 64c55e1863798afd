using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>One cell of the region × technique heatmap.</summary>
/// <param name="Region">Body region.</param>
/// <param name="Technique">Technique code.</param>
/// <param name="Clients">Distinct clients.</param>
/// <param name="Sessions">Sessions with both pain readings.</param>
/// <param name="MeanChange">Mean pain_post − pain_pre over the sessions (NaN when suppressed).</param>
/// <param name="Suppressed">True when fewer than the minimum number of clients contributed.</param>
public sealed record HeatmapCell(string Region, string Technique, int Clients, int Sessions, double MeanChange, bool Suppressed);

/// <summary>
/// Region × technique heatmap of the mean immediate pain change (NPRS points; negative = less pain), each cell
/// labelled with its mean and number of sessions; cells under the minimum number of clients are blank and marked
/// "suppressed". A diverging colour scale symmetric around zero keeps "no change" neutral.
/// </summary>
public static class RegionTechniqueHeatmap
{
    /// <summary>The text written in a suppressed cell.</summary>
    public const string SuppressedMarker = "suppressed";

    /// <summary>The colour-bar title.</summary>
    public static readonly string ScaleTitle = ChartTheme.AxisTitle("Mean change, post − pre", "NPRS points");

    /// <summary>All observed region × technique cells (suppressed ones flagged, mean NaN).</summary>
    public static IReadOnlyList<HeatmapCell> Cells(ColumnTable sessions, int minClients = ChartTheme.DefaultMinClients)
    {
        ChartInputs.RequireSessionColumns(sessions, SessionColumns.ClientId, SessionColumns.Region, SessionColumns.Techniques,
            SessionColumns.PainPre, SessionColumns.PainPost);
        var clients = ChartInputs.ClientIds(sessions);
        var change = PainChange.Compute(sessions);
        var cells = new SortedDictionary<(string, string), (HashSet<string> Clients, List<double> Values)>();
        for (var r = 0; r < sessions.RowCount; r++)
        {
            var region = SessionGrouping.Region.LevelsOf(sessions, r);
            var techniques = SessionGrouping.Technique.LevelsOf(sessions, r);
            if (clients[r] is not { } client || double.IsNaN(change[r]) || region is not { Count: 1 } || techniques is null)
            {
                continue;
            }
            foreach (var technique in techniques)
            {
                var key = (region[0], technique);
                if (!cells.TryGetValue(key, out var cell))
                {
                    cells[key] = cell = (new HashSet<string>(StringComparer.Ordinal), []);
                }
                cell.Clients.Add(client);
                cell.Values.Add(change[r]);
            }
        }
        return cells.Select(c =>
        {
            var suppressed = c.Value.Clients.Count < minClients;
            return new HeatmapCell(c.Key.Item1, c.Key.Item2, c.Value.Clients.Count, c.Value.Values.Count,
                suppressed ? double.NaN : c.Value.Values.Average(), suppressed);
        }).ToArray();
    }

    /// <summary>Builds the plot (not yet saved): regions on the y axis, techniques on the x axis.</summary>
    public static Plot Create(ColumnTable sessions, int minClients = ChartTheme.DefaultMinClients, string? title = null)
    {
        var cells = Cells(sessions, minClients);
        if (cells.All(c => c.Suppressed))
        {
            throw new NmtInputException($"no region × technique cell has at least {minClients} clients to plot.");
        }
        var regions = cells.Select(c => c.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var techniques = cells.Select(c => c.Technique).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var intensities = new double[regions.Length, techniques.Length];
        for (var i = 0; i < regions.Length; i++)
        {
            for (var j = 0; j < techniques.Length; j++)
            {
                intensities[i, j] = double.NaN;
            }
        }
        var plot = new Plot();
        var range = ColorRange(cells);
        foreach (var cell in cells)
        {
            var (row, column) = (Array.IndexOf(regions, cell.Region), Array.IndexOf(techniques, cell.Technique));
            intensities[row, column] = cell.MeanChange;
            var fill = cell.Suppressed ? Colors.White : Colormap.GetColor(cell.MeanChange, range);
            AddCellText(plot, cell, column, RowY(row, regions.Length), fill);
        }
        AddHeatmap(plot, intensities, range);
        ChartTheme.CategoryTicksBottom(plot, techniques);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, regions.Length).Select(i => RowY(i, regions.Length)).ToArray(), regions);
        ChartTheme.Apply(plot, title ?? "Mean immediate pain change by region and technique", "Technique", "Region");
        plot.Axes.Bottom.TickLabelStyle.FontSize = ChartTheme.TickFontSize - 3;
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension).</summary>
    public static void Save(ColumnTable sessions, string path, int minClients = ChartTheme.DefaultMinClients) =>
        ChartTheme.Save(Create(sessions, minClients), path);

    /// <summary>The text written in a cell: mean and n, or the suppression marker.</summary>
    public static string CellText(HeatmapCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Suppressed
            ? SuppressedMarker
            : string.Create(CultureInfo.InvariantCulture, $"{cell.MeanChange:0.0}\nn = {cell.Sessions}");
    }

    // Row 0 of the intensity matrix is drawn at the top.
    private static double RowY(int row, int rows) => rows - 1 - row;

    private static readonly IColormap Colormap = new ScottPlot.Colormaps.Balance();

    // Symmetric around zero so "no change" is the neutral middle colour.
    private static ScottPlot.Range ColorRange(IReadOnlyList<HeatmapCell> cells)
    {
        var extreme = Math.Max(0.5, cells.Where(c => !c.Suppressed).Max(c => Math.Abs(c.MeanChange)));
        return new ScottPlot.Range(-extreme, extreme);
    }

    private static void AddHeatmap(Plot plot, double[,] intensities, ScottPlot.Range range)
    {
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = Colormap;
        heatmap.ManualRange = range;
        heatmap.NaNCellColor = Colors.Transparent;
        // The heatmap plottable carries the data and feeds the colour bar; the cells are drawn as unit rectangles
        // centred on integer coordinates (column j at x = j, row i at y = rows − 1 − i) so labels and ticks line up exactly.
        heatmap.IsVisible = false;
        for (var i = 0; i < intensities.GetLength(0); i++)
        {
            for (var j = 0; j < intensities.GetLength(1); j++)
            {
                if (double.IsNaN(intensities[i, j]))
                {
                    continue;
                }
                var y = RowY(i, intensities.GetLength(0));
                var cell = plot.Add.Rectangle(j - 0.5, j + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = heatmap.Colormap.GetColor(intensities[i, j], heatmap.ManualRange.Value);
                cell.LineColor = Colors.White;
                cell.LineWidth = 2;
                plot.MoveToBack(cell);
            }
        }
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = ScaleTitle;
        bar.LabelStyle.FontSize = ChartTheme.TickFontSize;
    }

    private static void AddCellText(Plot plot, HeatmapCell cell, double x, double y, Color fill)
    {
        var text = plot.Add.Text(CellText(cell), x, y);
        text.LabelAlignment = Alignment.MiddleCenter;
        text.LabelFontSize = ChartTheme.TickFontSize - 4;
        text.LabelLineSpacing = ChartTheme.TickFontSize - 2; // two lines must fit a row even at 560 px height
        text.LabelFontColor = cell.Suppressed ? ChartTheme.Guide : TextColorOn(fill);
        text.LabelBackgroundColor = Colors.Transparent;
    }

    /// <summary>Black text on light cells, white on dark ones (relative luminance, WCAG 2.1), so the fill stays visible.</summary>
    internal static Color TextColorOn(Color fill)
    {
        static double Linear(byte channel)
        {
            var c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = (0.2126 * Linear(fill.R)) + (0.7152 * Linear(fill.G)) + (0.0722 * Linear(fill.B));
        return luminance > 0.18 ? ChartTheme.Ink : Colors.White;
    }
}
