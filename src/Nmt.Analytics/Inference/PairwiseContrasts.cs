using Nmt.Analytics.Results;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Inference;

/// <summary>
/// All pairwise differences of marginal means as <c>emmeans::pairs</c> computes them: for levels 1..k the contrasts
/// i − j for i &lt; j in level order, each with its own df, p-values adjusted over the family (Tukey's studentized range
/// over k means by default; Holm, Bonferroni or none on request).
/// </summary>
public sealed class PairwiseContrasts
{
    private PairwiseContrasts(string term, AdjustmentMethod adjust, IReadOnlyList<Contrast> contrasts)
    {
        Term = term;
        Adjust = adjust;
        Contrasts = contrasts;
    }

    /// <summary>The term whose means are compared.</summary>
    public string Term { get; }

    /// <summary>The multiplicity adjustment applied to the p-values.</summary>
    public AdjustmentMethod Adjust { get; }

    /// <summary>The contrasts in <c>pairs()</c> order.</summary>
    public IReadOnlyList<Contrast> Contrasts { get; }

    /// <summary>Compares every pair of <paramref name="means"/> of <paramref name="source"/>'s model.</summary>
    /// <exception cref="NmtInputException">Fewer than two means.</exception>
    public static PairwiseContrasts Compute(IInferenceSource source, MarginalMeans means, AdjustmentMethod adjust = AdjustmentMethod.Tukey)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(means);
        var k = means.Means.Count;
        if (k < 2)
        {
            throw new NmtInputException($"pairwise comparisons of '{means.Term}' need at least two levels; it has {k} ({string.Join(", ", means.Means.Select(m => m.Level))}).");
        }
        var raw = new List<Contrast>();
        for (var i = 0; i < k - 1; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                var l = means.Means[i].Weights - means.Means[j].Weights;
                var estimate = l * source.Coefficients;
                var se = Math.Sqrt(l * source.Covariance * l);
                raw.Add(new Contrast($"{means.ContrastLabel(i)} - {means.ContrastLabel(j)}", estimate, se, source.Df(l), estimate / se, double.NaN));
            }
        }
        var p = MultiplicityAdjustment.Adjust(adjust, raw.Select(c => c.Statistic).ToList(), raw.Select(c => c.Df).ToList(), k);
        return new PairwiseContrasts(means.Term, adjust, raw.Select((c, i) => c with { PValue = p[i] }).ToList());
    }

    /// <summary>Tidy table: contrast, estimate, std_error, df, statistic, p_value.</summary>
    public ResultTable Tidy()
    {
        var table = new ResultTable($"Pairwise comparisons of {Term}", "contrast", "estimate", "std_error", "df", "statistic", "p_value");
        foreach (var c in Contrasts)
        {
            table.AddRow(c.Label, c.Estimate, c.StdError, MarginalMeans.DfCell(c.Df), c.Statistic, c.PValue);
        }
        table.AddNote(Adjust == AdjustmentMethod.None
            ? "P values not adjusted for multiplicity."
            : $"P value adjustment: {MultiplicityAdjustment.Name(Adjust)} method for {Contrasts.Count} comparisons.");
        return table;
    }
}
