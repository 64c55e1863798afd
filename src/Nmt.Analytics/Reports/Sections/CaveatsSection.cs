namespace Nmt.Analytics.Reports.Sections;

/// <summary>"How to read this report": the plain-language caveats an educator can present.</summary>
internal static class CaveatsSection
{
    public static void Build(ReportSection section, ReportContext context) => section.Bullets(
    [
        "Observational data: these sessions come from routine care, not a randomised trial. Associations are not proof that a technique causes a change.",
        "Confounding by indication: therapists choose techniques, regions and session counts for particular clients; differences may reflect who was treated, not how.",
        "Regression to the mean and natural recovery: pain often eases over time without treatment, so improvement over sessions is not all treatment effect.",
        "A 95 % confidence interval is the range of effects compatible with the data under the model; an interval that crosses zero does not show that there is no effect, and a narrow interval can still be biased.",
        "A prediction interval (evidence summary) is where the effect in a new setting is likely to fall; it is wider than the confidence interval when studies or clinics disagree.",
        $"Privacy: any group or clinic with fewer than {context.Options.MinClients} clients is suppressed (shown without figures), and no client identifiers are shown.",
    ]);
}
