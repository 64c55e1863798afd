using Nmt.Analytics.Data;

namespace Nmt.Analytics.Outcomes;

/// <summary>A (first pain_pre, last pain_post) pair and how many clients' episodes have it — the points of a Jacobson–Truax plot.</summary>
/// <param name="Baseline">First session's pain_pre.</param>
/// <param name="Final">Last session's pain_post.</param>
/// <param name="Clients">Number of clients with this pair.</param>
public sealed record PainPair(double Baseline, double Final, int Clients)
{
    /// <summary>Counts the pairs of an episode table (columns first_pain_pre, last_pain_post).</summary>
    public static IReadOnlyList<PainPair> Count(ColumnTable episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var pre = episodes.Numeric("first_pain_pre").Values;
        var post = episodes.Numeric("last_pain_post").Values;
        return pre.Zip(post).GroupBy(p => p).OrderBy(g => g.Key.First).ThenBy(g => g.Key.Second)
            .Select(g => new PainPair(g.Key.First, g.Key.Second, g.Count())).ToList();
    }
}
