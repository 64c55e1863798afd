using ScottPlot;

namespace Nmt.Analytics.Kernel.Install;

/// <summary>The kernel's logo, drawn with ScottPlot: three rising white bars on .NET purple.</summary>
internal static class KernelLogo
{
    public static byte[] Png(int size)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars([2.0, 3.2, 4.5]);
        foreach (var bar in bars.Bars)
        {
            bar.FillColor = Colors.White;
            bar.LineWidth = 0;
            bar.Size = 0.7;
        }
        plot.Layout.Frameless();
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.FigureBackground.Color = Color.FromHex("#512BD4");
        plot.DataBackground.Color = Color.FromHex("#512BD4");
        plot.Axes.SetLimits(-0.75, 2.75, 0, 5.2);
        return plot.GetImageBytes(size, size, ImageFormat.Png);
    }
}
