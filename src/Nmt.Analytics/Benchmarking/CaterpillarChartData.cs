namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// Chart-ready caterpillar plot: clinics' empirical-Bayes shrunken differences with 95 % intervals, sorted by value.
/// </summary>
/// <param name="Outcome">Outcome name.</param>
/// <param name="Target">The network mean μ̂ the estimates are shrunk towards.</param>
/// <param name="Tau2">Between-clinic variance τ̂².</param>
/// <param name="Points">Clinics, sorted by shrunken value.</param>
public sealed record CaterpillarChartData(string Outcome, double Target, double Tau2, IReadOnlyList<ChartPoint> Points);
