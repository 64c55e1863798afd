using System.Globalization;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Inference;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Results;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>
/// The technique comparison of "Pain change by technique and region": adjusted marginal means of immediate pain change
/// per technique from a linear mixed model (REML, Satterthwaite df) that adjusts for the measured factors present
/// (stress, hydration, chronicity, region, clinic) with a client random intercept, and every pair of techniques
/// compared with Tukey's adjustment. Techniques seen in fewer clients than the small-cell threshold are not shown.
/// </summary>
internal static class TechniqueComparison
{
    private static readonly string[] Adjusters = ["stress", "hydration", "chronicity", "region", "clinic_id"];

    /// <summary>Adds the comparison; false (with a note) when the data cannot support the model.</summary>
    public static bool Build(ReportSection section, ReportContext context, ResultTable raw)
    {
        var sessions = context.Inputs.Sessions;
        var adjusters = Adjusters.Where(sessions.Contains).ToList();
        var formula = $"pain_change ~ techniques{string.Concat(adjusters.Select(a => " + " + a))} + (1 | client_id)";
        try
        {
            var fit = LinearMixedModel.Fit(ModelFrameBuilder.Build(formula, sessions), new LmmOptions());
            var source = new LmmSource(fit);
            var all = TechniqueMarginalMeans.Compute(source, sessions);
            var shown = Shown(raw);
            var means = MarginalMeans.FromCombinations(source, TechniqueMarginalMeans.Term,
                all.Means.Where(m => shown.Contains(m.Level)).Select(m => (m.Level, m.Weights)).ToList(), all.Level);
            var pairs = PairwiseContrasts.Compute(source, means, AdjustmentMethod.Tukey);
            Describe(section, formula, adjusters, fit.Nobs, sessions.RowCount);
            section.Bullets(means.Means.OrderBy(m => m.Estimate).Select(Statement));
            section.Bullets([Differences(pairs)]);
            context.Table(section, "technique_adjusted_means", means.Tidy());
            context.Table(section, "technique_pairwise_tukey", pairs.Tidy());
            PainChangeSection.TryFigure(section, context, "technique_adjusted_means", () => Chart(means),
                "Adjusted mean immediate change per technique (a session using that technique alone, for a typical client) with 95 % confidence intervals.");
            foreach (var warning in fit.Warnings)
            {
                section.Caveat(warning);
            }
            return true;
        }
        catch (NmtInputException e)
        {
            section.Paragraph($"Adjusted technique comparison omitted: {e.Message}");
            return false;
        }
    }

    private static HashSet<string> Shown(ResultTable raw)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Rows.Count; i++)
        {
            if (Equals(raw[i, "group"], "technique") && raw[i, "mean"] is double && raw[i, "level"] is string level)
            {
                shown.Add(level);
            }
        }
        return shown;
    }

    private static void Describe(ReportSection section, string formula, List<string> adjusters, int used, int total)
    {
        var adjusted = adjusters.Count == 0 ? "nothing but the client" : string.Join(", ", adjusters.Select(Words)) + " and the client";
        section.Paragraph("Techniques compared fairly. Raw means (above) compare techniques given to different clients in different clinics. " +
                          $"The comparison below uses a linear mixed model of every session's change, {formula}, fitted to {used.ToString("N0", CultureInfo.InvariantCulture)} of " +
                          $"{total.ToString("N0", CultureInfo.InvariantCulture)} sessions (those with every variable recorded). It adjusts for {adjusted} " +
                          "(a random intercept: a client seen often does not count as many people). An adjusted (estimated marginal) mean is the change the model " +
                          "predicts for a session using that technique alone, with stress and hydration at their averages and every region, clinic and chronicity weighted equally, " +
                          "as R's emmeans. Intervals use Satterthwaite degrees of freedom; pairs of techniques are compared with Tukey's adjustment for the many comparisons.");
    }

    private static string Words(string column) => column switch
    {
        "clinic_id" => "clinic",
        "chronicity" => "chronicity",
        "region" => "body region",
        _ => column,
    };

    private static string Statement(MarginalMean m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.Level}: adjusted mean immediate change {m.Estimate:+0.00;-0.00} points (95 % CI {m.CiLow:+0.00;-0.00} to {m.CiHigh:+0.00;-0.00}).");

    private static string Differences(PairwiseContrasts pairs)
    {
        var clear = pairs.Contrasts.Count(c => c.PValue < 0.05);
        return string.Create(CultureInfo.InvariantCulture,
            $"{clear} of {pairs.Contrasts.Count} pairs of techniques differ at the 5 % level after Tukey's adjustment (table technique_pairwise_tukey; a negative estimate means the first technique is followed by more relief).");
    }

    private static ScottPlot.Plot Chart(MarginalMeans means)
    {
        var table = new ResultTable("Adjusted marginal means", "term", "estimate", "ci_low", "ci_high");
        foreach (var m in means.Means.OrderBy(m => m.Estimate))
        {
            table.AddRow(m.Level, m.Estimate, m.CiLow, m.CiHigh);
        }
        return CoefficientPlot.Create(table, includeIntercept: true, effectLabel: "Adjusted mean change in pain, post − pre", unit: "NPRS points");
    }
}
