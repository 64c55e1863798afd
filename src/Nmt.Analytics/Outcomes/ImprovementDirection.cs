namespace Nmt.Analytics.Outcomes;

/// <summary>Which way a change on an outcome scale counts as improvement.</summary>
public enum ImprovementDirection
{
    /// <summary>Lower scores are better (e.g. NPRS pain: a negative change is improvement).</summary>
    Decrease,

    /// <summary>Higher scores are better (e.g. pressure-pain threshold, range of motion).</summary>
    Increase,
}
