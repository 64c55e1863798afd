namespace Nmt.Analytics.Evidence.EffectSizes;

/// <summary>
/// metafor's default continuity correction for 2×2 tables (<c>add = 1/2, to = "only0", drop00 = FALSE</c>):
/// 0.5 is added to all four cells of a study with at least one zero cell; other studies are left alone.
/// </summary>
public static class ZeroCellCorrection
{
    /// <summary>The value added to each cell of a table with a zero cell.</summary>
    public const double Add = 0.5;

    /// <summary>True when any cell is zero.</summary>
    public static bool Needed(double ai, double bi, double ci, double di) => ai == 0 || bi == 0 || ci == 0 || di == 0;

    /// <summary>True when both arms have no events (ai = ci = 0) or both have only events (bi = di = 0).</summary>
    public static bool DoubleZero(double ai, double bi, double ci, double di) => (ai == 0 && ci == 0) || (bi == 0 && di == 0);

    /// <summary>The cells after the correction.</summary>
    public static (double Ai, double Bi, double Ci, double Di) Apply(double ai, double bi, double ci, double di) =>
        Needed(ai, bi, ci, di) ? (ai + Add, bi + Add, ci + Add, di + Add) : (ai, bi, ci, di);
}
