namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>
/// Raw mean difference m1 − m2 with the heteroscedastic sampling variance sd1²/n1 + sd2²/n2
/// (metafor <c>escalc("MD")</c>, default <c>vtype = "LS"</c>).
/// </summary>
public static class MeanDifference
{
    /// <summary>(yi, vi) for one study.</summary>
    public static (double Yi, double Vi) Compute(double m1, double sd1, double n1, double m2, double sd2, double n2) =>
        (m1 - m2, (sd1 * sd1 / n1) + (sd2 * sd2 / n2));
}
