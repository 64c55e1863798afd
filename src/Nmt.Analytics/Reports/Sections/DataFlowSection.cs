using Nmt.Analytics.Charts;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>"Flow of data": rows read → excluded by reason → sessions analysed → clients → episodes, small counts as "&lt;11".</summary>
internal static class DataFlowSection
{
    public static void Build(ReportSection section, ReportContext context)
    {
        var flow = DataFlow.Of(context.Inputs.Sessions, context.Inputs.Exclusions, context.Options.MinClients);
        section.Paragraph("Every row of the file is accounted for: what was read, what was left out and why, and what each analysis used. " +
                          $"Counts between 1 and {context.Options.MinClients - 1} are shown as \"<{context.Options.MinClients}\" to protect privacy.");
        context.Figure(section, "data_flow", DataFlowDiagram.Create(flow),
            "Flow of data from the file into the analyses. Session-level analyses use every session analysed; episode-level analyses use one row per client.");
    }
}
