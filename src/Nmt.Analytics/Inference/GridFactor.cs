namespace Nmt.Analytics.Inference;

/// <summary>A factor of a reference grid: its formula name (e.g. <c>region</c>, <c>factor(cyl)</c>) and levels in model order.</summary>
/// <param name="Name">The variable's name in the formula.</param>
/// <param name="Column">The data column it comes from (<c>cyl</c> for <c>factor(cyl)</c>).</param>
/// <param name="Levels">Levels in R's order (reference first).</param>
public sealed record GridFactor(string Name, string Column, IReadOnlyList<string> Levels);
