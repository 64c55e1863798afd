namespace Nmt.Analytics.Outcomes;

/// <summary>One box of a <see cref="DataFlow"/>: what is counted, the count as shown, and what left the flow here.</summary>
/// <param name="Label">What the box counts.</param>
/// <param name="Count">The count as text ("&lt;11" for small counts).</param>
/// <param name="Excluded">Lines for the side box: the total left out, then one line per reason; empty when none.</param>
public sealed record DataFlowStep(string Label, string Count, IReadOnlyList<string> Excluded);
