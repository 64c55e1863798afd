using ScottPlot;

namespace Nmt.Analytics.Notebooks;

/// <summary>Renders ScottPlot plots for notebooks, independent of any chart helpers in the core library.</summary>
public static class PlotImages
{
    /// <summary>Default width in pixels of a displayed plot.</summary>
    public const int DefaultWidth = 640;

    /// <summary>Default height in pixels of a displayed plot.</summary>
    public const int DefaultHeight = 420;

    /// <summary>The plot as PNG bytes (ScottPlot 5 renders headless through SkiaSharp).</summary>
    public static byte[] ToPng(Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
