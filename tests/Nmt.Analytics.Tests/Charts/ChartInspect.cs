using ScottPlot;

namespace Nmt.Analytics.Tests.Charts;

/// <summary>Reads a built plot's objects (not pixels) for assertions.</summary>
internal static class ChartInspect
{
    public static T[] All<T>(Plot plot) => plot.GetPlottables().OfType<T>().ToArray();

    public static string[] LegendLabels(Plot plot) =>
        plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t)).ToArray();

    /// <summary>The labelled ticks of an axis with manual ticks (the plot is rendered once so the generator has run).</summary>
    public static (double Position, string Label)[] ManualTicks(Plot plot, IAxis axis)
    {
        plot.GetImageBytes(800, 600, ImageFormat.Png);
        return ((ScottPlot.TickGenerators.NumericManual)axis.TickGenerator).Ticks.Select(t => (t.Position, t.Label)).ToArray();
    }

    public static string[] Notes(Plot plot) => All<ScottPlot.Plottables.Annotation>(plot).Select(a => a.Text).ToArray();
}
