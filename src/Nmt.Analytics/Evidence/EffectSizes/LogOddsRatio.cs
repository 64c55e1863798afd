namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>
/// Log odds ratio log(ai·di/(bi·ci)) with Woolf's variance 1/ai + 1/bi + 1/ci + 1/di, after
/// <see cref="ZeroCellCorrection"/> (metafor <c>escalc("OR")</c>).
/// </summary>
public static class LogOddsRatio
{
    /// <summary>(yi, vi) for one 2×2 table (events ai/ci and non-events bi/di in groups 1/2).</summary>
    public static (double Yi, double Vi) Compute(double ai, double bi, double ci, double di)
    {
        (ai, bi, ci, di) = ZeroCellCorrection.Apply(ai, bi, ci, di);
        var p1 = ai / (ai + bi);
        var p2 = ci / (ci + di);
        return (Math.Log(p1 / (1 - p1)) - Math.Log(p2 / (1 - p2)), (1 / ai) + (1 / bi) + (1 / ci) + (1 / di));
    }
}
