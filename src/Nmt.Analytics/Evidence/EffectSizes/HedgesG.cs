using MathNet.Numerics;

namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>
/// Hedges' g: the standardized mean difference (m1 − m2)/s_pooled times the exact small-sample correction
/// J(m) = Γ(m/2) / (√(m/2) Γ((m − 1)/2)), m = n1 + n2 − 2 (Hedges 1981, J Educ Stat 6:107), with the
/// large-sample variance 1/n1 + 1/n2 + g²/(2(n1 + n2)) — metafor <c>escalc("SMD")</c>, <c>vtype = "LS"</c>.
/// </summary>
public static class HedgesG
{
    /// <summary>The exact bias-correction factor J(m) (computed on the log-gamma scale, as metafor's <c>.cmicalc</c>).</summary>
    public static double CorrectionFactor(double m) =>
        m <= 1 ? double.NaN : Math.Exp(SpecialFunctions.GammaLn(m / 2) - Math.Log(Math.Sqrt(m / 2)) - SpecialFunctions.GammaLn((m - 1) / 2));

    /// <summary>The pooled standard deviation √(((n1 − 1)sd1² + (n2 − 1)sd2²)/(n1 + n2 − 2)).</summary>
    public static double PooledSd(double sd1, double n1, double sd2, double n2) =>
        Math.Sqrt((((n1 - 1) * sd1 * sd1) + ((n2 - 1) * sd2 * sd2)) / (n1 + n2 - 2));

    /// <summary>(yi, vi) for one study.</summary>
    public static (double Yi, double Vi) Compute(double m1, double sd1, double n1, double m2, double sd2, double n2)
    {
        var g = CorrectionFactor(n1 + n2 - 2) * (m1 - m2) / PooledSd(sd1, n1, sd2, n2);
        return (g, (1 / n1) + (1 / n2) + (g * g / (2 * (n1 + n2))));
    }
}
