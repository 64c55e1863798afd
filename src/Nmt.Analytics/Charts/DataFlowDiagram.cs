using Nmt.Analytics.Outcomes;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// The flow-of-data diagram: one box per <see cref="DataFlowStep"/> from top to bottom, joined by arrows, with what
/// left the flow at each step in a box to the right (CONSORT-style). Counts arrive already formatted ("&lt;11").
/// </summary>
public static class DataFlowDiagram
{
    private const double BoxWidth = 4.2;
    private const double BoxHeight = 1.1;
    private const double Step = 2.0;
    private const double SideX = 5.0;

    /// <summary>Builds the diagram (not yet saved).</summary>
    public static Plot Create(DataFlow flow, string title = "Flow of data")
    {
        ArgumentNullException.ThrowIfNull(flow);
        var plot = new Plot();
        var steps = flow.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var y = -i * Step;
            Box(plot, 0, y, BoxWidth, BoxHeight, steps[i].Label + "\n" + steps[i].Count, ChartTheme.Blue, 0.12);
            if (i > 0)
            {
                Arrow(plot, new Coordinates(0, y + Step - (BoxHeight / 2)), new Coordinates(0, y + (BoxHeight / 2)));
            }
            if (steps[i].Excluded.Count > 0)
            {
                var lines = steps[i].Excluded.Select(l => ChartTheme.Wrap(l, 44)).ToList();
                var height = Math.Max(BoxHeight, 0.32 * lines.Sum(l => l.Split('\n').Length) + 0.3);
                var sideY = y - (Step / 2);
                Box(plot, SideX, sideY, 5.4, height, string.Join("\n", lines), ChartTheme.Vermillion, 0.08, left: true);
                Arrow(plot, new Coordinates(0, sideY), new Coordinates(SideX - 2.7, sideY));
            }
        }
        var right = steps.Any(s => s.Excluded.Count > 0) ? SideX + 2.9 : 2.6; // centred when nothing left the flow
        plot.Axes.SetLimits(-2.6, right, -((steps.Count - 1) * Step) - 1.0, 0.9);
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Font.Set(ChartTheme.FontName);
        plot.Title(title, ChartTheme.TitleFontSize);
        return plot;
    }

    private static void Box(Plot plot, double x, double y, double width, double height, string text, Color color, double alpha, bool left = false)
    {
        var box = plot.Add.Rectangle(x - (width / 2), x + (width / 2), y - (height / 2), y + (height / 2));
        box.FillColor = color.WithAlpha(alpha);
        box.LineColor = color;
        box.LineWidth = 2;
        var label = plot.Add.Text(text, left ? x - (width / 2) + 0.15 : x, y);
        label.LabelAlignment = left ? Alignment.MiddleLeft : Alignment.MiddleCenter;
        label.LabelFontSize = left ? ChartTheme.TickFontSize - 2 : ChartTheme.AxisLabelFontSize;
        label.LabelFontName = ChartTheme.FontName;
        label.LabelFontColor = ChartTheme.Ink;
        label.LabelBackgroundColor = Colors.Transparent;
        label.LabelBold = !left;
    }

    private static void Arrow(Plot plot, Coordinates from, Coordinates to)
    {
        var arrow = plot.Add.Arrow(from, to);
        arrow.ArrowLineColor = ChartTheme.Guide;
        arrow.ArrowFillColor = ChartTheme.Guide;
        arrow.ArrowLineWidth = 2;
    }
}
