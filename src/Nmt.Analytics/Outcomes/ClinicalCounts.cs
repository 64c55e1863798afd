namespace Nmt.Analytics.Outcomes;

/// <summary>
/// One cell of the clinical-significance table: a group's level with its client count and the number of clients in each
/// class. A withheld figure (small-cell suppression) is null; a whole cell of 1–10 clients is all nulls.
/// </summary>
/// <param name="Group">The grouping (<c>all</c>, <c>region</c>, <c>clinic</c>, <c>technique</c>, …).</param>
/// <param name="Level">The level within the grouping (<c>all</c> for the whole data).</param>
/// <param name="NClients">Clients with an episode.</param>
/// <param name="ReliableImprovement">Clients with RCI ≤ −critical.</param>
/// <param name="NoReliableChange">Clients with |RCI| &lt; critical.</param>
/// <param name="ReliableDeterioration">Clients with RCI ≥ critical.</param>
/// <param name="Recovered">Reliably improved clients whose last pain_post is at or below the recovery cut-off.</param>
/// <param name="Responders">Clients meeting the MCID rule (points and percent).</param>
public sealed record ClinicalCounts(
    string Group,
    string Level,
    int? NClients,
    int? ReliableImprovement,
    int? NoReliableChange,
    int? ReliableDeterioration,
    int? Recovered,
    int? Responders)
{
    /// <summary>Contract names of the class counts, in output order.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["reliable_improvement", "no_reliable_change", "reliable_deterioration", "recovered", "responders"];

    /// <summary>True when the whole cell is withheld.</summary>
    public bool Suppressed => NClients is null;

    /// <summary>The class counts in the order of <see cref="ClassNames"/>.</summary>
    public IReadOnlyList<int?> ClassCounts => [ReliableImprovement, NoReliableChange, ReliableDeterioration, Recovered, Responders];

    /// <summary>The Wilson interval of a class's proportion, or null when the count or the total is withheld (it would reveal the count).</summary>
    public (double Low, double High)? Interval(int classIndex, double confidence) =>
        NClients is { } n && n > 0 && ClassCounts[classIndex] is { } x ? ProportionInterval.Wilson(x, n, confidence) : null;
}
