using Nmt.Analytics.Charts;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>"Evidence summary": pooled published-style studies by technique, and whether the network's clinics agree.</summary>
internal static class EvidenceSection
{
    private static readonly string[] NetworkTechniques = ["ischemic_compression", "muscle_energy", "positional_release", "init"];

    public static void Build(ReportSection section, ReportContext context)
    {
        if (context.Inputs.Studies is { } studies)
        {
            StudySynthesis(section, context, studies);
        }
        else
        {
            section.Paragraph("No study-level data were supplied, so only the within-network synthesis is shown.");
        }
        NetworkSynthesis(section, context);
    }

    private static void StudySynthesis(ReportSection section, ReportContext context, Data.ColumnTable studies)
    {
        // Read as given, as `nmt meta` does: yi/vi effects as they are, group means as Hedges' g, 2x2 counts as risk ratios.
        var effects = EffectSizeCalculator.Compute(studies, EffectMeasures.Infer(studies.ColumnNames));
        var summary = EvidenceSummary.ByGroup(effects, "technique");
        section.Paragraph("Studies pooled by technique with a random-effects model (REML, as R's metafor). " +
                          (effects.Measure == EffectMeasure.StandardizedMeanDifference
                              ? "Effects are standardised mean differences (Hedges' g) in pain: negative favours the technique."
                              : $"Effects are as supplied ({effects.Measure.Code()})."));
        section.Bullets(summary.Statements.Select(s => s.Sentence));
        var table = summary.Table();
        // The sentences are the bullets above; the page shows the figures only (the CSV keeps the summary column).
        context.Table(section, "evidence_summary", table, table.Select([.. table.Columns.Where(c => c is not ("summary" or "measure" or "tau2"))]));
        var overall = MetaAnalysis.Fit(effects);
        context.Figure(section, "forest_plot", ForestPlot.Create(overall, "All studies", effects.Measure == EffectMeasure.StandardizedMeanDifference ? "Hedges' g" : effects.Measure.Code()),
            "Forest plot: each study's effect with its 95 % CI (square size = weight); the diamond is the pooled estimate and the bar its prediction interval.");
    }

    private static void NetworkSynthesis(ReportSection section, ReportContext context)
    {
        var sessions = context.Inputs.Sessions;
        var table = new Results.ResultTable("Do clinics agree? Technique vs no technique, pooled across clinics",
            "technique", "k_clinics", "estimate", "ci_low", "ci_high", "tau2", "i2", "agreement");
        foreach (var technique in NetworkTechniques)
        {
            try
            {
                var result = ClinicContrastSynthesis.Run(sessions, technique, minClientsPerGroup: context.Options.MinClients);
                var pooled = result.Pooled;
                table.AddRow(technique, pooled.K, pooled.Estimate, pooled.CiLow, pooled.CiHigh, pooled.Tau2, pooled.I2, result.Agreement());
            }
            catch (NmtInputException e)
            {
                table.AddNote($"{technique}: {e.Message}");
            }
        }
        section.Paragraph("Within the network: for each technique, each clinic's mean immediate pain change in sessions with the technique " +
                          "minus sessions without it (client means first), pooled across clinics. Large heterogeneity (I²) means clinics disagree.");
        context.Table(section, "clinic_agreement", table);
    }
}
