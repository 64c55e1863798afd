using System.Globalization;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Reports.Handout;

/// <summary>One technique's handout page: headline figures, forest plot, network clinical significance, certainty and caveats.</summary>
internal static class HandoutPage
{
    public static ReportSection Build(int index, EvidenceStatement statement, EffectSizeSet effects, ClinicalResult clinical, ClinicalOptions options)
    {
        var page = new ReportSection(string.Create(CultureInfo.InvariantCulture, $"t{index + 1}"), Display(statement.Label), "handout-page");
        if (statement.Result is { } result)
        {
            Pooled(page, statement, result, effects);
        }
        else
        {
            page.Paragraph(statement.Sentence);
        }
        Clinical(page, statement.Label, clinical, options);
        Certainty(page, statement);
        page.Caveat("The studies compare the technique with a control; the network figures do not: therapists chose the technique, so clients who " +
                    "received it may differ from others. The main technique is the one used in most of a client's sessions.");
        return page;
    }

    private static void Pooled(ReportSection page, EvidenceStatement statement, MetaAnalysisResult r, EffectSizeSet effects)
    {
        var label = r.Measure == EffectMeasure.StandardizedMeanDifference ? "Hedges' g" : r.Measure.Code();
        page.KeyFigures([
            ($"Pooled effect ({label}), 95 % CI", F($"{r.ExpEstimate:0.00} ({r.ExpCiLow:0.00} to {r.ExpCiHigh:0.00})")),
            ("Studies · participants", double.IsNaN(r.TotalN) ? F($"{r.K}") : F($"{r.K} · {r.TotalN:0}")),
            ("Heterogeneity I²", F($"{r.I2:0} %")),
        ]);
        page.Paragraph(statement.Sentence);
        var rows = Enumerable.Range(0, effects.Count).Where(i => effects.Rows.Text("technique")[i] == statement.Label).ToArray();
        var forest = ForestPlot.Create(MetaAnalysis.Fit(effects.Subset(rows)), Display(statement.Label), label);
        page.SvgFigure(forest.GetSvgXml(ChartTheme.DefaultWidth, ChartTheme.DefaultHeight),
            "Forest plot: each study's effect with its 95 % CI (square size = weight); the diamond is the pooled effect, the bar its prediction interval. " +
            (r.Measure == EffectMeasure.StandardizedMeanDifference ? "Left of the dashed line (negative) favours the technique." : ""));
    }

    /// <summary>The network's Jacobson–Truax figures for clients whose main technique this is; withheld cells say so.</summary>
    private static void Clinical(ReportSection page, string technique, ClinicalResult clinical, ClinicalOptions options)
    {
        var cell = clinical.Cells.FirstOrDefault(c => c.Group == "technique" && c.Level == technique);
        if (cell?.NClients is not { } n)
        {
            page.Paragraph(F($"In this network: too few clients (or none) had this as their main technique to report; groups under {options.MinClients} clients are withheld."));
            return;
        }
        page.Paragraph(F($"In this network, {n} clients had this as their main technique. Over their whole episode:"));
        page.Bullets([
            Share(F($"Reliably improved (pain fell by at least {options.ReliableChangePoints:0.0} points, more than measurement error; Jacobson–Truax)"), cell.ReliableImprovement, n),
            Share(F($"Responders (improved by at least {options.Mcid.Points.Value:0.#} points and {options.Mcid.Percent.Value:0.#} %, the MCID; Farrar 2001)"), cell.Responders, n),
            Share(F($"Reliably worse (pain rose by at least {options.ReliableChangePoints:0.0} points)"), cell.ReliableDeterioration, n),
        ]);
    }

    /// <summary>A class's share with its Wilson 95 % CI, or "withheld" when small-cell suppression removed the count.</summary>
    private static string Share(string what, int? count, int n)
    {
        if (count is not { } x)
        {
            return what + ": withheld (a small group, not shown to protect privacy).";
        }
        var (low, high) = ProportionInterval.Wilson(x, n);
        return what + F($": {100.0 * x / n:0} % (95 % CI {100 * low:0} to {100 * high:0} %).");
    }

    private static void Certainty(ReportSection page, EvidenceStatement s) => page.Paragraph(
        $"How sure can we be? Precision: {Words(s.Imprecision, "the estimate is precise enough", "the estimate is imprecise (its interval includes no effect, or fewer than 400 people were studied)", "the estimate is very imprecise (its interval includes no effect and fewer than 400 people were studied)")}. " +
        $"Consistency: {Words(s.Inconsistency, "the studies agree", "the studies disagree to some extent", "the studies disagree a lot")}. " +
        "These are rules of thumb in the spirit of GRADE, not a full GRADE assessment (risk of bias and publication bias are not judged here).");

    private static string Words(string cue, string fine, string serious, string verySerious) => cue switch
    {
        "not serious" => fine,
        "serious" => serious,
        "very serious" => verySerious,
        _ => "cannot be judged with so few studies",
    };

    /// <summary>A technique code as a heading: <c>ischemic_compression</c> → "Ischemic compression".</summary>
    private static string Display(string code) =>
        code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..].Replace('_', ' ');

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
