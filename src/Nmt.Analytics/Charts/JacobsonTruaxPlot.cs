using System.Globalization;
using Nmt.Analytics.Outcomes;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// Jacobson–Truax plot (Jacobson &amp; Truax 1991): each client's baseline (first pain_pre) against final pain (last
/// pain_post). Points on the diagonal did not change; the shaded band is change within measurement error (|change| &lt;
/// the reliable change); below the dashed MCID line a client improved by at least the MCID points and percent; the
/// dotted line is the recovery cut-off. Pairs shared by at least <c>minClients</c> clients are drawn as bubbles sized by
/// count; rarer pairs as small hollow circles without a count, so no cell of 1–10 clients is quantified.
/// </summary>
public static class JacobsonTruaxPlot
{
    /// <summary>Builds the plot (not yet saved).</summary>
    /// <exception cref="NmtInputException">No pairs to plot.</exception>
    public static Plot Create(IReadOnlyList<PainPair> pairs, double reliableChange, ResponderCriteria mcid, double cutoff,
        int minClients = ChartTheme.DefaultMinClients, string title = "Baseline and final pain (Jacobson-Truax plot)")
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(mcid);
        if (pairs.Count == 0)
        {
            throw new NmtInputException("no episodes to plot.");
        }
        var plot = new Plot();
        Guides(plot, reliableChange, mcid, cutoff);
        var rare = pairs.Where(p => p.Clients < minClients).ToArray();
        if (rare.Length > 0)
        {
            var markers = plot.Add.Markers(rare.Select(p => p.Baseline).ToArray(), rare.Select(p => p.Final).ToArray(), MarkerShape.OpenCircle, 7, ChartTheme.Guide);
            markers.LegendText = string.Create(CultureInfo.InvariantCulture, $"fewer than {minClients} clients");
        }
        var largest = pairs.Max(p => p.Clients);
        foreach (var pair in pairs.Where(p => p.Clients >= minClients))
        {
            var size = (float)(10 + (30 * Math.Sqrt(pair.Clients / (double)largest)));
            var marker = plot.Add.Marker(pair.Baseline, pair.Final, MarkerShape.FilledCircle, size, ChartTheme.Blue.WithAlpha(0.6));
            marker.LegendText = "";
        }
        plot.Axes.SetLimits(-0.5, 10.5, -0.5, 10.5);
        ChartTheme.AddNote(plot, "bubble area = number of clients", Alignment.UpperLeft);
        ChartTheme.Apply(plot, title, ChartTheme.AxisTitle("Baseline pain, first session", "NPRS 0-10"),
            ChartTheme.AxisTitle("Final pain, last session", "NPRS 0-10"));
        ChartTheme.ShowLegend(plot, Alignment.LowerRight);
        return plot;
    }

    private static void Guides(Plot plot, double reliableChange, ResponderCriteria mcid, double cutoff)
    {
        double[] xs = [-0.5, 10.5];
        var band = plot.Add.FillY(xs, xs.Select(x => x - reliableChange).ToArray(), xs.Select(x => x + reliableChange).ToArray());
        band.FillColor = ChartTheme.Translucent(ChartTheme.Guide, 0.18);
        band.LineWidth = 0;
        band.LegendText = string.Create(CultureInfo.InvariantCulture, $"no reliable change (|change| < {reliableChange:0.##})");
        var diagonal = plot.Add.ScatterLine(xs, xs, ChartTheme.Ink);
        diagonal.LineWidth = 2;
        diagonal.LegendText = "no change";
        // Responder boundary: final ≤ baseline − points and ≤ baseline·(1 − percent/100).
        var grid = Enumerable.Range(0, 111).Select(i => i / 10.0).ToArray();
        var boundary = grid.Select(x => Math.Min(x - mcid.Points.Value, x * (1 - (mcid.Percent.Value / 100)))).ToArray();
        var mcidLine = plot.Add.ScatterLine(grid, boundary, ChartTheme.Vermillion);
        mcidLine.LinePattern = LinePattern.Dashed;
        mcidLine.LineWidth = 2;
        mcidLine.LegendText = string.Create(CultureInfo.InvariantCulture, $"MCID: {mcid.Points.Value:0.##} points and {mcid.Percent.Value:0.##} %");
        var recovered = plot.Add.HorizontalLine(cutoff);
        recovered.LineColor = ChartTheme.BluishGreen;
        recovered.LinePattern = LinePattern.Dotted;
        recovered.LineWidth = 2;
        recovered.LegendText = string.Create(CultureInfo.InvariantCulture, $"recovery cut-off (pain <= {cutoff:0.##})");
    }
}
