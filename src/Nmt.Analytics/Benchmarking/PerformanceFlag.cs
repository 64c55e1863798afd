namespace Nmt.Analytics.Benchmarking;

/// <summary>How a clinic's adjusted outcome compares with the network (benchmark JSON contract: <c>flag</c>).</summary>
public enum PerformanceFlag
{
    /// <summary>Within the 95 % funnel limits: consistent with chance.</summary>
    AsExpected,

    /// <summary>Better than the network beyond the 95 % limit.</summary>
    Better,

    /// <summary>Worse than the network beyond the 95 % limit.</summary>
    Worse,

    /// <summary>Too few clients to show (small-cell suppression).</summary>
    Suppressed,
}
