namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// Chart-ready funnel plot: x = clients n, y = difference O − E, target line, and control limits
/// target ± z·sd·√(φ/n) at 95 % and 99.8 % (<see cref="FunnelLimits.ForMean"/>).
/// </summary>
/// <param name="Outcome">Outcome name.</param>
/// <param name="Target">Target of the difference (0: as expected for the case mix).</param>
/// <param name="Sd">Episode-level residual SD σ̂ of the case-mix model.</param>
/// <param name="Phi">Overdispersion factor (1 when not requested).</param>
/// <param name="LowerIsBetter">True for pain change (points below the funnel are better).</param>
/// <param name="Points">The clinics shown.</param>
public sealed record FunnelChartData(string Outcome, double Target, double Sd, double Phi, bool LowerIsBetter, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>The control limits at <paramref name="n"/> clients for a coverage (e.g. <see cref="FunnelLimits.Inner"/>).</summary>
    public (double Low, double High) Limits(double n, double coverage) => FunnelLimits.ForMean(Target, Sd, n, coverage, Phi);
}
