namespace Nmt.Analytics.Synthetic;

/// <summary>A planted MCAR missingness rate of an optional column.</summary>
/// <param name="Column">The column (for <c>ppt_pre</c> and <c>rom_pre</c> the <c>_post</c> partner is missing together).</param>
/// <param name="Level"><c>client</c> (missing in all of a client's rows) or <c>session</c> (each row independently).</param>
/// <param name="Rate">Probability of being missing, independent of everything else (MCAR).</param>
/// <param name="Meaning">Notes, e.g. structural missingness on top of the MCAR rate.</param>
public sealed record MissingnessRate(string Column, string Level, double Rate, string Meaning);
