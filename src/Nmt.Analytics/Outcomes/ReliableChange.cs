namespace Nmt.Analytics.Outcomes;

/// <summary>
/// The Jacobson–Truax reliable change index (Jacobson &amp; Truax 1991, J Consult Clin Psychol 59:12–19):
/// RCI = change / S_diff with S_diff = √2·SEM, the standard error of a difference of two readings that each carry
/// measurement error SEM. Pain is on the NPRS, so a negative change (less pain) is improvement.
/// </summary>
public static class ReliableChange
{
    // Change scores are differences of decimal readings: keep a change of exactly the critical size on the boundary.
    private const double Tolerance = 1e-9;

    /// <summary>RCI of one change (post − pre) given the standard error of measurement.</summary>
    public static double Index(double change, double sem) => change / (Math.Sqrt(2) * sem);

    /// <summary>The smallest change (in scale points) that is reliable: critical·√2·SEM.</summary>
    public static double CriticalChange(double sem, double critical) => critical * Math.Sqrt(2) * sem;

    /// <summary>The class of a change: ≤ −critical improvement, ≥ critical deterioration, otherwise no reliable change.</summary>
    public static ReliableChangeClass Classify(double change, double sem, double critical)
    {
        var rci = Index(change, sem);
        return rci <= -critical + Tolerance ? ReliableChangeClass.ReliableImprovement
            : rci >= critical - Tolerance ? ReliableChangeClass.ReliableDeterioration
            : ReliableChangeClass.NoReliableChange;
    }
}
