namespace Nmt.Analytics.Statistics;

/// <summary>How p-values of a family of tests are adjusted for multiplicity (names as R's <c>adjust =</c> argument).</summary>
public enum AdjustmentMethod
{
    /// <summary>Tukey's honest significant difference: the studentized range over the family's means.</summary>
    Tukey,

    /// <summary>Holm's step-down method (Holm 1979).</summary>
    Holm,

    /// <summary>Bonferroni: p times the number of tests, capped at 1.</summary>
    Bonferroni,

    /// <summary>No adjustment.</summary>
    None,
}
