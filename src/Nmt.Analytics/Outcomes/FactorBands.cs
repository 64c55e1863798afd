namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Bands of a numeric session factor for summaries. Defaults (documented in docs/outcomes.md):
/// stress 0–3 / 4–6 / 7–10 as (−∞, 3], (3, 6], (6, ∞); hydration &lt;1.5 / 1.5–2.5 / &gt;2.5 L per day;
/// sleep &lt;6 / 6–8 / &gt;8 hours per night. Values outside every band are excluded with a reason.
/// </summary>
/// <param name="Group">Group name in results, e.g. <c>stress</c>.</param>
/// <param name="Column">The session column banded.</param>
/// <param name="Bands">The bands in display order.</param>
public sealed record FactorBands(string Group, string Column, IReadOnlyList<Band> Bands)
{
    /// <summary>Stress (0–10): 0-3, 4-6, 7-10.</summary>
    public static FactorBands Stress { get; } = new("stress", SessionColumns.Stress,
    [
        new Band("0-3", double.NegativeInfinity, false, 3, true),
        new Band("4-6", 3, false, 6, true),
        new Band("7-10", 6, false, double.PositiveInfinity, false),
    ]);

    /// <summary>Hydration (litres/day): &lt;1.5, 1.5-2.5, &gt;2.5.</summary>
    public static FactorBands Hydration { get; } = new("hydration", SessionColumns.Hydration,
    [
        new Band("<1.5", double.NegativeInfinity, false, 1.5, false),
        new Band("1.5-2.5", 1.5, true, 2.5, true),
        new Band(">2.5", 2.5, false, double.PositiveInfinity, false),
    ]);

    /// <summary>Sleep (hours/night): &lt;6, 6-8, &gt;8.</summary>
    public static FactorBands Sleep { get; } = new("sleep", SessionColumns.SleepHours,
    [
        new Band("<6", double.NegativeInfinity, false, 6, false),
        new Band("6-8", 6, true, 8, true),
        new Band(">8", 8, false, double.PositiveInfinity, false),
    ]);

    /// <summary>The label of the band holding <paramref name="value"/>, or null when none does (or it is missing).</summary>
    public string? LabelOf(double value) =>
        double.IsNaN(value) ? null : Bands.FirstOrDefault(b => b.Contains(value))?.Label;
}
