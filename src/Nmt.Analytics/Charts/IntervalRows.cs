using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>Draws labelled estimates with horizontal interval whiskers, top to bottom, and a vertical reference line.</summary>
internal static class IntervalRows
{
    public static void Draw(Plot plot, IReadOnlyList<IntervalRow> rows, double reference, Func<IntervalRow, Color> colorOf)
    {
        var positions = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = rows.Count - 1 - i;
            positions[i] = y;
            var color = colorOf(row);
            if (!double.IsNaN(row.CiLow) && !double.IsNaN(row.CiHigh))
            {
                var whisker = plot.Add.Line(row.CiLow, y, row.CiHigh, y);
                whisker.LineWidth = 2.5f;
                whisker.LineColor = color;
            }
            plot.Add.Marker(row.Estimate, y, MarkerShape.FilledCircle, 11, color);
        }
        var line = plot.Add.VerticalLine(reference);
        line.LineColor = ChartTheme.Guide;
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 2;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, rows.Select(r => r.Label).ToArray());
        plot.Axes.SetLimitsY(-1.3, rows.Count - 0.2); // room below the last row for the note
    }

    /// <summary>A height that gives every row room for its label.</summary>
    public static int Height(int rows) => Math.Max(ChartTheme.DefaultHeight / 2, 160 + (36 * rows));
}
