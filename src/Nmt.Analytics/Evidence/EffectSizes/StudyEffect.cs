namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>One study's effect size and its sampling variance (log scale for ratio measures).</summary>
/// <param name="Study">Study label.</param>
/// <param name="Yi">Effect size.</param>
/// <param name="Vi">Sampling variance of <paramref name="Yi"/> (must be positive).</param>
/// <param name="Line">Source-file line of the study (0 when not from a file).</param>
/// <param name="N">Total number of participants, when known (NaN otherwise).</param>
public sealed record StudyEffect(string Study, double Yi, double Vi, long Line = 0, double N = double.NaN);
