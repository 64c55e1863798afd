using System.Globalization;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// An evidence summary an educator can present: per technique (or any grouping), the pooled effect with 95 % CI,
/// prediction interval, heterogeneity, number of studies and participants, certainty cues in words and one
/// plain-language sentence.
/// </summary>
public sealed class EvidenceSummary
{
    private EvidenceSummary(IReadOnlyList<EvidenceStatement> statements) => Statements = statements;

    /// <summary>The statements, one per group.</summary>
    public IReadOnlyList<EvidenceStatement> Statements { get; }

    /// <summary>A one-line summary of a single meta-analysis.</summary>
    public static EvidenceSummary FromResult(string label, MetaAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new EvidenceSummary([Statement(label, result)]);
    }

    /// <summary>One meta-analysis per level of <paramref name="column"/> (e.g. <c>technique</c>); single-study levels are described, not pooled.</summary>
    public static EvidenceSummary ByGroup(EffectSizeSet effects, string column, MetaAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(effects);
        options ??= new MetaAnalysisOptions();
        var values = effects.Rows.Text(column);
        var statements = new List<EvidenceStatement>();
        foreach (var level in values.Levels())
        {
            var rows = Enumerable.Range(0, effects.Count).Where(i => values[i] == level).ToArray();
            statements.Add(rows.Length < 2
                ? new EvidenceStatement(level, null, "not assessable", "not assessable",
                    $"{level}: only one study, so nothing was pooled; one trial is not enough to speak of an effect.")
                : Statement(level, MetaAnalysis.Fit(effects.Subset(rows), options)));
        }
        return new EvidenceSummary(statements);
    }

    /// <summary>The tidy table: one row per statement.</summary>
    public ResultTable Table()
    {
        var table = new ResultTable("Evidence summary", "group", "measure", "k", "n", "estimate", "ci_low", "ci_high", "pi_low", "pi_high",
            "i2", "tau2", "imprecision", "inconsistency", "summary");
        foreach (var s in Statements)
        {
            var r = s.Result;
            table.AddRow(s.Label, r?.Measure.Code(), r?.K, r is null || double.IsNaN(r.TotalN) ? null : r.TotalN,
                r?.ExpEstimate, r?.ExpCiLow, r?.ExpCiHigh, r?.ExpPiLow, r?.ExpPiHigh, r?.I2, r?.Tau2, s.Imprecision, s.Inconsistency, s.Sentence);
        }
        table.AddNote("ratio measures are shown as ratios (back-transformed); certainty cues follow GRADE-style rules of thumb (see docs/evidence-synthesis.md).");
        return table;
    }

    /// <summary>The statement for one pooled result.</summary>
    public static EvidenceStatement Statement(string label, MetaAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var imprecision = CertaintyCues.Imprecision(result);
        var inconsistency = CertaintyCues.Inconsistency(result);
        return new EvidenceStatement(label, result, imprecision, inconsistency, Sentence(label, result, imprecision, inconsistency));
    }

    private static string Sentence(string label, MetaAnalysisResult r, string imprecision, string inconsistency)
    {
        var people = double.IsNaN(r.TotalN) ? "" : F($" ({r.TotalN:0} participants)");
        var magnitude = CertaintyCues.Magnitude(r) is { } m ? $", a {m} effect by the usual SMD benchmarks" : "";
        var nullValue = r.Measure.NullValue(backTransformed: true);
        var compatible = r.CiLow <= 0 && r.CiHigh >= 0
            ? F($" The confidence interval includes {nullValue:0} (no effect), so the data are compatible with no effect.")
            : " The confidence interval excludes no effect.";
        var prediction = double.IsNaN(r.PiLow)
            ? ""
            : F($" In a new setting the true effect would likely lie between {r.ExpPiLow:0.##} and {r.ExpPiHigh:0.##} (95% prediction interval).");
        var agreement = r.K < 3 ? "With so few studies, agreement between them cannot be judged." : F($"Heterogeneity: I² = {r.I2:0}% — {Agreement(r.I2)}.");
        return F($"{label}: across {r.K} studies{people}, the pooled {r.Measure.Describe()} was {r.ExpEstimate:0.##} (95% CI {r.ExpCiLow:0.##} to {r.ExpCiHigh:0.##}){magnitude}.") +
               compatible + prediction + " " + agreement + $" Imprecision: {imprecision}; inconsistency: {inconsistency}.";
    }

    /// <summary>Words for I² (Cochrane Handbook 10.10.2 bands).</summary>
    private static string Agreement(double i2) => i2 switch
    {
        < 30 => "the studies broadly agree",
        < 50 => "the studies disagree somewhat",
        < 75 => "the studies disagree substantially",
        _ => "the studies disagree considerably",
    };

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
