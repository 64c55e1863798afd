namespace Nmt.Analytics.Engines;

/// <summary>How many rows the engine left out for one reason (e.g. <c>missing stress</c>).</summary>
/// <param name="Reason">The reason, worded as the in-memory model frame words it.</param>
/// <param name="Count">Number of rows.</param>
public sealed record ExclusionCount(string Reason, long Count);
