namespace Nmt.Analytics.Benchmarking;

/// <summary>One clinic in a funnel or caterpillar chart (suppressed clinics are never points).</summary>
/// <param name="Label">Clinic id.</param>
/// <param name="N">Clients.</param>
/// <param name="Value">The plotted value (difference O − E, or its shrunken estimate).</param>
/// <param name="CiLow">Lower 95 % bound.</param>
/// <param name="CiHigh">Upper 95 % bound.</param>
/// <param name="Flag">The clinic's flag.</param>
public sealed record ChartPoint(string Label, long N, double Value, double CiLow, double CiHigh, PerformanceFlag Flag);
