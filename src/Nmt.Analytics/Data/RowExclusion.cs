namespace Nmt.Analytics.Data;

/// <summary>
/// A row left out of an analysis, with the reason. Exclusions are always counted and reported,
/// never dropped silently.
/// </summary>
/// <param name="Line">1-based line of the row in its source file (the header is line 1).</param>
/// <param name="Reason">Why it was left out, e.g. <c>"missing stress"</c>.</param>
public sealed record RowExclusion(long Line, string Reason);
