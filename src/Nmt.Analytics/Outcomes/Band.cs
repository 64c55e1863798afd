namespace Nmt.Analytics.Outcomes;

/// <summary>One band of a numeric factor, e.g. stress "4-6" = (3, 6].</summary>
/// <param name="Label">Level shown in results.</param>
/// <param name="Lower">Lower bound (use <see cref="double.NegativeInfinity"/> for none).</param>
/// <param name="LowerInclusive">Whether a value equal to <paramref name="Lower"/> belongs to the band.</param>
/// <param name="Upper">Upper bound (use <see cref="double.PositiveInfinity"/> for none).</param>
/// <param name="UpperInclusive">Whether a value equal to <paramref name="Upper"/> belongs to the band.</param>
public sealed record Band(string Label, double Lower, bool LowerInclusive, double Upper, bool UpperInclusive)
{
    /// <summary>True when <paramref name="value"/> lies in the band.</summary>
    public bool Contains(double value) =>
        (LowerInclusive ? value >= Lower : value > Lower) && (UpperInclusive ? value <= Upper : value < Upper);
}
