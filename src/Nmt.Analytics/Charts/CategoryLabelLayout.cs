using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// Render step, run just before ScottPlot lays out the figure, that keeps long category labels on the bottom axis
/// readable: when the widest label does not fit its category's slot, the labels are tilted by
/// <see cref="ChartTheme.CategoryLabelRotation"/> degrees, or more when the labels are crowded (anchored at their
/// upper-right end, reading up to the tick), and
/// the bottom panel is made tall enough, and the left panel wide enough, for the tilted text. ScottPlot measures tick
/// labels unrotated, so without this the tilted labels would be clipped at the bottom edge of the figure.
/// </summary>
internal sealed class CategoryLabelLayout(int categories) : IRenderAction
{
    // Room the left axis takes before the data area starts (tick labels + title), a lower bound for the overhang budget.
    private const float LeftPanelEstimate = 90;

    // Right margin of a chart without a colour bar or right axis.
    private const float RightPanelEstimate = 20;

    // The margins the chart asked for itself, so a re-render at another size starts from them again.
    private (float Bottom, float Left)? _baseMargins;

    public void Render(RenderPack rp)
    {
        var axis = rp.Plot.Axes.Bottom;
        _baseMargins ??= (axis.MinimumSize, rp.Plot.Axes.Left.MinimumSize);
        axis.MinimumSize = _baseMargins.Value.Bottom;
        rp.Plot.Axes.Left.MinimumSize = _baseMargins.Value.Left;
        var style = axis.TickLabelStyle;
        var labels = axis.TickGenerator.Ticks.Select(t => t.Label).Where(l => !string.IsNullOrEmpty(l)).ToArray();
        if (labels.Length == 0)
        {
            return;
        }
        var sizes = labels.Select(l => style.Measure(l, rp.Paint).Size).ToArray();
        var (widest, tallest) = (sizes.Max(s => s.Width), sizes.Max(s => s.Height));
        // Categories sit one axis unit apart; the axis range (set by the chart or autoscaled) is spread over the data width.
        var units = axis.Range.Span > 0 ? axis.Range.Span : categories;
        var slot = (float)Math.Max(1, (rp.FigureRect.Width - LeftPanelEstimate - RightPanelEstimate) / units);
        if (widest <= 0.92f * slot)
        {
            style.Rotation = 0;
            style.Alignment = Alignment.UpperCenter;
            return;
        }
        var degrees = Tilt(slot, tallest);
        var radians = degrees * Math.PI / 180;
        var (sin, cos) = ((float)Math.Sin(radians), (float)Math.Cos(radians));
        style.Rotation = -degrees;
        style.Alignment = Alignment.UpperRight;
        var axisTitle = string.IsNullOrEmpty(axis.Label.Text) ? 0 : axis.Label.Measure(axis.Label.Text, rp.Paint).LineHeight + 12;
        var tilted = (widest * sin) + (tallest * cos);
        axis.MinimumSize = Math.Max(axis.MinimumSize, axis.MajorTickStyle.Length + tilted + axisTitle);
        // The first label extends left of its tick by its tilted width; keep it inside the figure.
        var overhang = (sizes[0].Width * cos) + (sizes[0].Height * sin) - (0.5f * slot);
        rp.Plot.Axes.Left.MinimumSize = Math.Max(rp.Plot.Axes.Left.MinimumSize, overhang);
    }

    /// <summary>
    /// The smallest tilt (from <see cref="ChartTheme.CategoryLabelRotation"/> up to 60°) at which neighbouring labels,
    /// <paramref name="slot"/> pixels apart along the axis, are at least their own height apart across the text.
    /// </summary>
    private static float Tilt(float slot, float labelHeight)
    {
        foreach (var degrees in new[] { Math.Abs(ChartTheme.CategoryLabelRotation), 45f, 60f })
        {
            if (slot * Math.Sin(degrees * Math.PI / 180) >= 1.25 * labelHeight)
            {
                return degrees;
            }
        }
        return 60;
    }
}
