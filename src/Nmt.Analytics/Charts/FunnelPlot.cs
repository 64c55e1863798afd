using System.Globalization;
using Nmt.Analytics.Benchmarking;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// Funnel plot (Spiegelhalter 2005, Stat Med 24:1185–1202): each clinic's adjusted outcome against its number of
/// clients, with the target and the 95 % and 99.8 % control limits θ₀ ± z·σ·√(φ/n) from <see cref="FunnelLimits"/>.
/// Points are coloured by flag (better / as expected / worse); clinics under the minimum number of clients or flagged
/// suppressed are not plotted. A clinic outside the funnel is a prompt to look, not a verdict.
/// </summary>
public static class FunnelPlot
{
    /// <summary>The x-axis title.</summary>
    public static readonly string XTitle = ChartTheme.AxisTitle("Clinic size", "number of clients");

    /// <summary>The flag of a clinic: its own when given, otherwise by whether it lies outside the 95 % limits.</summary>
    public static PerformanceFlag FlagOf(FunnelPoint clinic, double target, double sd, double phi = 1, bool lowerIsBetter = true,
        int minClients = ChartTheme.DefaultMinClients)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        if (clinic.Flag is { } flag)
        {
            return flag;
        }
        if (clinic.Clients < minClients || double.IsNaN(clinic.Value))
        {
            return PerformanceFlag.Suppressed;
        }
        return ClinicBenchmark.Flag(clinic.Value, FunnelLimits.ForMean(target, sd, clinic.Clients, FunnelLimits.Inner, phi), lowerIsBetter);
    }

    /// <summary>Builds the plot (not yet saved).</summary>
    /// <param name="clinics">Clinics with size and adjusted outcome.</param>
    /// <param name="target">The network target θ₀ (e.g. the overall mean).</param>
    /// <param name="sd">Client-level SD σ of the outcome.</param>
    /// <param name="phi">Multiplicative overdispersion factor φ ≥ 1 (1 = none).</param>
    /// <param name="lowerIsBetter">True for pain change (more negative = more relief).</param>
    /// <param name="minClients">Clinics with fewer clients are not plotted.</param>
    /// <param name="outcomeLabel">The y quantity.</param>
    /// <param name="unit">Its unit.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="NmtInputException">No clinic is left to plot.</exception>
    public static Plot Create(IReadOnlyList<FunnelPoint> clinics, double target, double sd, double phi = 1, bool lowerIsBetter = true,
        int minClients = ChartTheme.DefaultMinClients, string outcomeLabel = "Adjusted pain change", string? unit = "NPRS points",
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(clinics);
        if (!(sd > 0) || !(phi >= 1))
        {
            throw new NmtInputException("the funnel plot needs a positive SD and an overdispersion factor φ ≥ 1.");
        }
        var shown = clinics.Select(c => (Clinic: c, Flag: FlagOf(c, target, sd, phi, lowerIsBetter, minClients)))
            .Where(c => c.Flag != PerformanceFlag.Suppressed && c.Clinic.Clients >= minClients).ToArray();
        if (shown.Length == 0)
        {
            throw new NmtInputException($"no clinics with at least {minClients} clients to plot.");
        }
        var plot = new Plot();
        AddLimits(plot, target, sd, phi, minClients, shown.Max(c => c.Clinic.Clients));
        foreach (var flag in new[] { PerformanceFlag.AsExpected, PerformanceFlag.Better, PerformanceFlag.Worse })
        {
            var points = shown.Where(c => c.Flag == flag).ToArray();
            if (points.Length == 0)
            {
                continue;
            }
            var markers = plot.Add.Markers(points.Select(p => (double)p.Clinic.Clients).ToArray(),
                points.Select(p => p.Clinic.Value).ToArray(), MarkerShapeOf(flag), 12, ColorOf(flag));
            markers.LegendText = FlagLabel(flag);
        }
        var hidden = clinics.Count - shown.Length;
        ChartTheme.AddNote(plot, string.Create(CultureInfo.InvariantCulture,
            $"{hidden} clinic(s) with fewer than {minClients} clients or suppressed not shown{(phi > 1 ? $"; φ = {phi:0.##}" : "")}"));
        ChartTheme.Apply(plot, title ?? "Clinic outcomes against size (funnel plot)", XTitle, ChartTheme.AxisTitle(outcomeLabel, unit));
        ChartTheme.ShowLegend(plot);
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension).</summary>
    public static void Save(IReadOnlyList<FunnelPoint> clinics, string path, double target, double sd, double phi = 1, bool lowerIsBetter = true) =>
        ChartTheme.Save(Create(clinics, target, sd, phi, lowerIsBetter), path);

    /// <summary>Legend text of a flag (the benchmark JSON code).</summary>
    public static string FlagLabel(PerformanceFlag flag) => flag switch
    {
        PerformanceFlag.Better => "better",
        PerformanceFlag.Worse => "worse",
        PerformanceFlag.AsExpected => "as_expected",
        _ => "suppressed",
    };

    private static void AddLimits(Plot plot, double target, double sd, double phi, int minClients, int maxClients)
    {
        var low = Math.Max(1, minClients * 0.8);
        var high = maxClients * 1.1;
        var ns = Enumerable.Range(0, 200).Select(i => low + ((high - low) * i / 199.0)).ToArray();
        var targetLine = plot.Add.HorizontalLine(target);
        targetLine.LineColor = ChartTheme.Ink;
        targetLine.LineWidth = 2;
        targetLine.LegendText = "target";
        foreach (var (coverage, pattern, label) in new[] { (FunnelLimits.Inner, LinePattern.Dashed, "95% limits"), (FunnelLimits.Outer, LinePattern.Solid, "99.8% limits") })
        {
            var limits = ns.Select(n => FunnelLimits.ForMean(target, sd, n, coverage, phi)).ToArray();
            for (var side = 0; side < 2; side++)
            {
                var line = plot.Add.ScatterLine(ns, limits.Select(l => side == 0 ? l.Low : l.High).ToArray(), ChartTheme.Guide);
                line.LinePattern = pattern;
                line.LineWidth = 2;
                if (side == 0)
                {
                    line.LegendText = label;
                }
            }
        }
    }

    private static Color ColorOf(PerformanceFlag flag) => flag switch
    {
        PerformanceFlag.Better => ChartTheme.Blue,
        PerformanceFlag.Worse => ChartTheme.Vermillion,
        _ => ChartTheme.Guide,
    };

    // Shape as well as colour, so the flag survives greyscale printing.
    private static MarkerShape MarkerShapeOf(PerformanceFlag flag) => flag switch
    {
        PerformanceFlag.Better => MarkerShape.FilledTriangleDown,
        PerformanceFlag.Worse => MarkerShape.FilledTriangleUp,
        _ => MarkerShape.FilledCircle,
    };
}
