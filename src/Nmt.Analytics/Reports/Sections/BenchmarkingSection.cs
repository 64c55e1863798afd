using System.Globalization;
using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Charts;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>"Clinic benchmarking": case-mix-adjusted episode outcomes per clinic, funnel and caterpillar plots, small clinics suppressed.</summary>
internal static class BenchmarkingSection
{
    public static void Build(ReportSection section, ReportContext context)
    {
        var options = new BenchmarkOptions { MinClients = context.Options.MinClients, Overdispersion = true };
        var result = ClinicBenchmark.Run(context.Inputs.Sessions, options);
        var table = result.Tidy();
        section.Paragraph("Each clinic's average episode pain change (last pain after minus first pain before) is compared with what the network's " +
                          "clients of the same case mix (baseline pain, chronicity, condition, region, age band, sex, stress, number of sessions) achieved. " +
                          "Negative differences mean more improvement than expected. Flags use funnel-plot limits (Spiegelhalter 2005) widened for overdispersion.");
        section.Bullets(Flags(table));
        context.Table(section, "clinic_benchmark", table,
            table.Select("clinic_id", "n_clients", "observed", "expected", "difference", "ci_low", "ci_high", "flag", "shrunken", "suppressed"));
        var funnel = result.Funnel();
        var points = funnel.Points.Select(p => new FunnelPoint(p.Label, (int)p.N, p.Value, p.Flag)).ToList();
        // Suppressed clinics are not in the funnel data; count them in, without figures, so the chart's note agrees with the table.
        points.AddRange(result.Clinics.Where(c => c.IsSuppressed).Select(c => new FunnelPoint("", 0, double.NaN, PerformanceFlag.Suppressed)));
        PainChangeSection.TryFigure(section, context, "funnel_plot",
            () => FunnelPlot.Create(points, funnel.Target, funnel.Sd, funnel.Phi, funnel.LowerIsBetter, context.Options.MinClients),
            "Funnel plot: each clinic's adjusted difference against its number of clients, with 95 % and 99.8 % control limits. Small clinics vary more by chance.");
        var caterpillar = result.Caterpillar().Points.Select(p => new IntervalRow(p.Label, p.Value, p.CiLow, p.CiHigh)).ToList();
        PainChangeSection.TryFigure(section, context, "clinic_caterpillar", () => CaterpillarPlot.Create(caterpillar, "Shrunken difference from expected"),
            "Empirical-Bayes (shrunken) clinic differences with 95 % intervals: extreme results from small clinics are pulled towards the network average.");
        section.Caveat($"Clinics with fewer than {context.Options.MinClients} clients are suppressed: no figures are shown for them anywhere. " +
                       "Case-mix adjustment covers only the recorded factors; a flag is a prompt to look closer, not a verdict.");
    }

    private static IEnumerable<string> Flags(Results.ResultTable table)
    {
        var counts = Enumerable.Range(0, table.Rows.Count).GroupBy(i => table[i, "flag"] as string ?? "").ToDictionary(g => g.Key, g => g.Count());
        int Count(string flag) => counts.GetValueOrDefault(flag);
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{Count("better")} clinic(s) better than expected, {Count("worse")} worse, {Count("as_expected")} as expected, {Count("suppressed")} suppressed (too few clients).");
    }
}
