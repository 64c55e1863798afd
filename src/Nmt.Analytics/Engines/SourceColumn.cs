namespace Nmt.Analytics.Engines;

/// <summary>A column of the engine's row source and whether the engine holds it as a number (otherwise text).</summary>
/// <param name="Name">Column name.</param>
/// <param name="IsNumeric">True for numeric SQL types; false for text.</param>
public sealed record SourceColumn(string Name, bool IsNumeric);
