namespace Nmt.Analytics.Statistics;

/// <summary>
/// Multiplicity adjustment of a family of two-sided tests, as R's <c>p.adjust</c> (holm, bonferroni, none) and
/// emmeans' Tukey adjustment of pairwise comparisons (p from the studentized range of the family's means).
/// </summary>
public static class MultiplicityAdjustment
{
    /// <summary>Parses an R adjustment name (<c>tukey</c>, <c>holm</c>, <c>bonferroni</c>, <c>none</c>).</summary>
    /// <exception cref="NmtInputException">An unknown name.</exception>
    public static AdjustmentMethod Parse(string name) => name?.ToLowerInvariant() switch
    {
        "tukey" => AdjustmentMethod.Tukey,
        "holm" => AdjustmentMethod.Holm,
        "bonferroni" => AdjustmentMethod.Bonferroni,
        "none" => AdjustmentMethod.None,
        _ => throw new NmtInputException($"unknown p-value adjustment '{name}'; use tukey, holm, bonferroni or none."),
    };

    /// <summary>R's name of an adjustment method.</summary>
    public static string Name(AdjustmentMethod method) => method.ToString().ToLowerInvariant();

    /// <summary>
    /// Adjusted two-sided p-values for t (or z, df = ∞) statistics of a family of contrasts among
    /// <paramref name="means"/> means (used by Tukey only: p = P(Q &gt; √2·|t|) for the range of that many means).
    /// </summary>
    public static double[] Adjust(AdjustmentMethod method, IReadOnlyList<double> statistics, IReadOnlyList<double> df, int means)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(df);
        if (method == AdjustmentMethod.Tukey)
        {
            return statistics.Select((t, i) => StudentizedRange.UpperTail(Math.Sqrt(2) * Math.Abs(t), means, df[i])).ToArray();
        }
        var raw = statistics.Select((t, i) => Distributions.TwoSidedT(t, df[i])).ToArray();
        return Adjust(method, raw);
    }

    /// <summary>Adjusts raw p-values as R's <c>p.adjust</c> (Tukey is not defined on raw p-values).</summary>
    public static double[] Adjust(AdjustmentMethod method, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var n = p.Count;
        return method switch
        {
            AdjustmentMethod.None => p.ToArray(),
            AdjustmentMethod.Bonferroni => p.Select(v => Math.Min(1, v * n)).ToArray(),
            AdjustmentMethod.Holm => Holm(p),
            _ => throw new ArgumentException("Tukey's adjustment needs the test statistics, not p-values.", nameof(method)),
        };
    }

    /// <summary>Holm (1979): sorted ascending, p₍ᵢ₎·(n − i + 1), made monotone by a running maximum, capped at 1.</summary>
    private static double[] Holm(IReadOnlyList<double> p)
    {
        var n = p.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => p[i]).ToArray();
        var adjusted = new double[n];
        var running = 0.0;
        for (var k = 0; k < n; k++)
        {
            running = Math.Max(running, Math.Min(1, (n - k) * p[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }
}
