using ScottPlot;

namespace Nmt.Analytics.Tests.Charts;

/// <summary>Reads a built plot's objects (not pixels) for assertions.</summary>
internal static class ChartInspect
{
    public static T[] All<T>(Plot plot) => plot.GetPlottables().OfType<T>().ToArray();

    public static string[] LegendLabels(Plot plot) =>
        plot.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t)).ToArray();

    public static (double Position, string Label)[] ManualTicks(IAxis axis) =>
        ((ScottPlot.TickGenerators.NumericManual)axis.TickGenerator).Ticks.Select(t => (t.Position, t.Label)).ToArray();

    public static string[] Notes(Plot plot) => All<ScottPlot.Plottables.Annotation>(plot).Select(a => a.Text).ToArray();
}
