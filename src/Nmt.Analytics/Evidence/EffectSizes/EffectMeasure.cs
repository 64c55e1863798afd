namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>The effect-size measure of a meta-analysis (metafor's <c>escalc(measure=)</c>).</summary>
public enum EffectMeasure
{
    /// <summary><c>MD</c>: raw mean difference m1 − m2 from <c>m1, sd1, n1, m2, sd2, n2</c>.</summary>
    MeanDifference,

    /// <summary><c>SMD</c>: Hedges' g (bias-corrected standardized mean difference) from <c>m1, sd1, n1, m2, sd2, n2</c>.</summary>
    StandardizedMeanDifference,

    /// <summary><c>RR</c>: log risk ratio from the 2×2 counts <c>ai, bi, ci, di</c>.</summary>
    RiskRatio,

    /// <summary><c>OR</c>: log odds ratio from the 2×2 counts <c>ai, bi, ci, di</c>.</summary>
    OddsRatio,

    /// <summary><c>GEN</c>: generic, precomputed effect sizes <c>yi</c> with sampling variances <c>vi</c>.</summary>
    Generic,

    /// <summary><c>RD</c>: risk difference ai/n1 − ci/n2 from the 2×2 counts <c>ai, bi, ci, di</c>.</summary>
    RiskDifference,
}
