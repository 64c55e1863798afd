using System.Globalization;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>"Pain change by technique and region": immediate (within-session) change with client-level CIs.</summary>
internal static class PainChangeSection
{
    public static void Build(ReportSection section, ReportContext context)
    {
        var options = new SummaryOptions(MinClients: context.Options.MinClients);
        var summary = PainChangeSummary.Summarise(context.Inputs.Sessions, [SessionGrouping.Technique, SessionGrouping.Region], options);
        section.Paragraph("Immediate pain change is pain after minus pain before a session on the 0–10 NPRS: negative numbers mean less pain. " +
                          "The raw means below average each client's sessions first, so a client seen often does not count as many independent people; " +
                          "the 95 % confidence intervals are across clients. They do not adjust for who received which technique.");
        context.Table(section, "pain_change_by_technique_and_region", summary.Table,
            summary.Table.Select("group", "level", "n_sessions", "n_clients", "mean", "sd", "ci_low", "ci_high", "suppressed"));
        if (!TechniqueComparison.Build(section, context, summary.Table))
        {
            section.Bullets(Statements(summary.Table, "technique"));
        }
        var sessions = context.Inputs.Sessions;
        var min = context.Options.MinClients;
        TryFigure(section, context, "immediate_change_by_technique", () => ImmediateChangeChart.Create(sessions, minClients: min, seed: context.Options.Seed),
            "Immediate pain change per session by technique (box: quartiles; points: a sample of sessions). Below zero = less pain after the session.");
        TryFigure(section, context, "region_technique_heatmap", () => RegionTechniqueHeatmap.Create(sessions, min),
            "Mean immediate change by region and technique, with the number of sessions in each cell; cells with too few clients are blank.");
        TryFigure(section, context, "pain_trajectory", () => PainTrajectoryChart.Create(sessions, minClients: min, seed: context.Options.Seed),
            "Pain before each session, by session number and technique: mean with 95 % CI band across clients. Later sessions include only clients who stayed.");
        TryFigure(section, context, "responder_curve", () => ResponderCurveChart.Create(sessions, minClients: min),
            "Cumulative share of clients who have responded (≥ 2 points and ≥ 30 % less pain than at their first session), by session; clients who stop earlier are censored.");
        section.Caveat("Techniques are not randomised in routine care: therapists choose them for particular clients, so differences " +
                       "between techniques may reflect who received them (confounding by indication), not what they do.");
    }

    /// <summary>Adds a chart, or a one-line note when the data are too thin for it.</summary>
    internal static void TryFigure(ReportSection section, ReportContext context, string name, Func<ScottPlot.Plot> create, string caption)
    {
        try
        {
            context.Figure(section, name, create(), caption);
        }
        catch (NmtInputException e)
        {
            section.Paragraph($"Chart '{name}' omitted: {e.Message}");
        }
    }

    /// <summary>One plain sentence per shown technique.</summary>
    internal static IEnumerable<string> Statements(ResultTable table, string group)
    {
        for (var i = 0; i < table.Rows.Count; i++)
        {
            if (!Equals(table[i, "group"], group) || table[i, "mean"] is not double mean)
            {
                continue;
            }
            var low = (double)table[i, "ci_low"]!;
            var high = (double)table[i, "ci_high"]!;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{table[i, "level"]}: mean immediate change {mean:+0.00;-0.00} points (95 % CI {low:+0.00;-0.00} to {high:+0.00;-0.00}; {table[i, "n_clients"]} clients).");
        }
    }
}
