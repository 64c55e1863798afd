namespace Nmt.Analytics.Inference;

/// <summary>One contrast between two marginal means (link scale), with its multiplicity-adjusted p-value.</summary>
/// <param name="Label"><c>"a - b"</c>, as <c>emmeans::pairs</c> prints it.</param>
/// <param name="Estimate">Difference of the two means.</param>
/// <param name="StdError">Its standard error.</param>
/// <param name="Df">Degrees of freedom (∞ for z).</param>
/// <param name="Statistic">t (or z) ratio.</param>
/// <param name="PValue">Adjusted two-sided p-value.</param>
public sealed record Contrast(string Label, double Estimate, double StdError, double Df, double Statistic, double PValue);
