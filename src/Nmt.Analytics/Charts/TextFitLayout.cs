using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// Render step, run right after ScottPlot has laid out the figure, that shrinks the chart title and the left-axis title
/// (never below <see cref="MinimumFontSize"/>) when they are longer than the data area they are centred on, so a long
/// title is smaller instead of cut off at a small export size.
/// </summary>
internal sealed class TextFitLayout(float titleFontSize, float axisLabelFontSize) : IRenderAction
{
    /// <summary>The smallest font a title is shrunk to.</summary>
    public const float MinimumFontSize = 12;

    public void Render(RenderPack rp)
    {
        // The title is centred on the data area, so it may spill over the axis panels but not past the figure's edges.
        var centre = rp.DataRect.HorizontalCenter;
        var titleRoom = 2 * Math.Min(centre - rp.FigureRect.Left, rp.FigureRect.Right - centre) - 16;
        Fit(rp.Plot.Axes.Title.Label, titleFontSize, titleRoom, rp.Paint);
        Fit(rp.Plot.Axes.Left.Label, axisLabelFontSize, rp.DataRect.Height, rp.Paint);
    }

    private static void Fit(LabelStyle label, float preferred, float available, Paint paint)
    {
        if (string.IsNullOrEmpty(label.Text))
        {
            return;
        }
        label.FontSize = preferred;
        var width = label.Measure(label.Text, paint).Width;
        if (width > available && available > 0)
        {
            label.FontSize = Math.Max(MinimumFontSize, (float)Math.Floor(preferred * available / width));
        }
    }
}
