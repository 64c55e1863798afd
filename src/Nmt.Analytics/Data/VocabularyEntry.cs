namespace Nmt.Analytics.Data;

/// <summary>One code of a controlled vocabulary.</summary>
/// <param name="Code">The code as written in data files.</param>
/// <param name="Label">A short human-readable label.</param>
/// <param name="Description">What the code means.</param>
public sealed record VocabularyEntry(string Code, string Label, string Description);
