namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>
/// Log risk ratio log((ai/n1)/(ci/n2)) with variance 1/ai − 1/n1 + 1/ci − 1/n2, after
/// <see cref="ZeroCellCorrection"/> (metafor <c>escalc("RR")</c>).
/// </summary>
public static class LogRiskRatio
{
    /// <summary>(yi, vi) for one 2×2 table (events ai/ci and non-events bi/di in groups 1/2).</summary>
    public static (double Yi, double Vi) Compute(double ai, double bi, double ci, double di)
    {
        (ai, bi, ci, di) = ZeroCellCorrection.Apply(ai, bi, ci, di);
        var n1 = ai + bi;
        var n2 = ci + di;
        return (Math.Log(ai / n1) - Math.Log(ci / n2), (1 / ai) - (1 / n1) + (1 / ci) - (1 / n2));
    }
}
