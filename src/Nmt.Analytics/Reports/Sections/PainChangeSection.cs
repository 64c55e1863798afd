using System.Globalization;
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
                          "Each client's sessions are averaged first, so a client seen often does not count as many independent people; " +
                          "the 95 % confidence intervals are across clients.");
        section.Bullets(Statements(summary.Table, "technique"));
        context.Table(section, "pain_change_by_technique_and_region", summary.Table);
        section.Caveat("Techniques are not randomised in routine care: therapists choose them for particular clients, so differences " +
                       "between techniques may reflect who received them (confounding by indication), not what they do.");
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
