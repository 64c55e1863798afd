namespace Nmt.Analytics.Outcomes;

/// <summary>
/// A published clinical threshold (MCID, MDC, ...) stored as data with its provenance, because published
/// values differ by population, anchor method and scale version. Every threshold used in output names its source.
/// </summary>
/// <param name="Name">Short identifier, e.g. <c>nprs_mcid_points</c>.</param>
/// <param name="Value">The threshold, as a magnitude of improvement (always positive).</param>
/// <param name="Unit">Unit of <paramref name="Value"/>: <c>points</c> or <c>percent</c>.</param>
/// <param name="Direction">Which way of change is improvement on the scale.</param>
/// <param name="Source">Full citation of the paper the value comes from.</param>
/// <param name="Population">The population in which the value was derived.</param>
/// <param name="ScaleVersion">The instrument and version, e.g. <c>NPRS 0-10 (11-point)</c>.</param>
public sealed record ClinicalThreshold(
    string Name,
    double Value,
    string Unit,
    ImprovementDirection Direction,
    string Source,
    string Population,
    string ScaleVersion)
{
    /// <summary>One line for result notes: value, unit, source and population.</summary>
    public string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Name} = {Value:R} {Unit} ({ScaleVersion}; {Population}; {Source})");
}
