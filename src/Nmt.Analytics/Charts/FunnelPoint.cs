using Nmt.Analytics.Benchmarking;

namespace Nmt.Analytics.Charts;

/// <summary>One clinic on a funnel plot.</summary>
/// <param name="Clinic">Clinic label.</param>
/// <param name="Clients">Number of clients (the funnel's x axis).</param>
/// <param name="Value">The clinic's (case-mix adjusted) outcome.</param>
/// <param name="Flag">The benchmarking flag when already known; null = derived from the 95 % limits.</param>
public sealed record FunnelPoint(string Clinic, int Clients, double Value, PerformanceFlag? Flag = null);
