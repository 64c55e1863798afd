namespace Nmt.Analytics.Models.Lmm;

/// <summary>The estimated correlation of two random-effect terms of one grouping factor.</summary>
/// <param name="Group">Grouping factor.</param>
/// <param name="Term1">First term.</param>
/// <param name="Term2">Second term.</param>
/// <param name="Correlation">Estimated correlation.</param>
public sealed record RandomEffectCorrelation(string Group, string Term1, string Term2, double Correlation);
