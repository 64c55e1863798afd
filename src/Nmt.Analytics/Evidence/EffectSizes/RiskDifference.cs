namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>
/// Risk difference p1 − p2 = ai/n1 − ci/n2 with the large-sample variance p1(1 − p1)/n1 + p2(1 − p2)/n2, after
/// <see cref="ZeroCellCorrection"/>: metafor's <c>escalc("RD")</c> at its defaults (<c>add = 1/2, to = "only0",
/// vtype = "LS"</c>), which corrects zero cells for the risk difference too, so a study with no events in one arm
/// still has a positive variance.
/// </summary>
public static class RiskDifference
{
    /// <summary>(yi, vi) for one 2×2 table (events ai/ci and non-events bi/di in groups 1/2).</summary>
    public static (double Yi, double Vi) Compute(double ai, double bi, double ci, double di)
    {
        (ai, bi, ci, di) = ZeroCellCorrection.Apply(ai, bi, ci, di);
        var n1 = ai + bi;
        var n2 = ci + di;
        var p1 = ai / n1;
        var p2 = ci / n2;
        return (p1 - p2, (p1 * (1 - p1) / n1) + (p2 * (1 - p2) / n2));
    }
}
