namespace Nmt.Analytics.Outcomes;

/// <summary>
/// When an episode counts as a response: improvement of at least <see cref="Points"/> NPRS points
/// AND at least <see cref="Percent"/> of the first pre-session pain. Both bounds are inclusive
/// (exactly 2 points and exactly 30 % qualify). Defaults: Farrar et al. 2001.
/// </summary>
/// <param name="Points">Minimum absolute improvement (threshold value in points).</param>
/// <param name="Percent">Minimum relative improvement (threshold value in percent).</param>
public sealed record ResponderCriteria(ClinicalThreshold Points, ClinicalThreshold Percent)
{
    // Episode changes are differences of decimal NPRS readings; allow for binary rounding so that
    // exactly 2 points or exactly 30 % (e.g. 7 → 4.9) are not lost to 1e-16 errors.
    private const double Tolerance = 1e-9;

    /// <summary>The default: ≥ 2 points and ≥ 30 % (Farrar et al. 2001).</summary>
    public static ResponderCriteria Default { get; } = new(ClinicalThresholds.FarrarPoints, ClinicalThresholds.FarrarPercent);

    /// <summary>Custom thresholds (e.g. stricter 50 %), keeping the default sources' provenance fields.</summary>
    public static ResponderCriteria Custom(double points, double percent) => new(
        ClinicalThresholds.FarrarPoints with { Name = "custom_points", Value = points, Source = "user-set (default from " + ClinicalThresholds.FarrarPoints.Source + ")" },
        ClinicalThresholds.FarrarPercent with { Name = "custom_percent", Value = percent, Source = "user-set (default from " + ClinicalThresholds.FarrarPercent.Source + ")" });

    /// <summary>
    /// True when the change (post − pre, negative = improvement) meets both thresholds.
    /// <paramref name="percentChange"/> is the change relative to baseline in percent (negative = improvement).
    /// </summary>
    public bool IsResponder(double change, double percentChange) =>
        -change >= Points.Value - Tolerance && -percentChange >= Percent.Value - Tolerance;
}
