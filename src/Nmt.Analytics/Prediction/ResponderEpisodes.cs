using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Prediction;

/// <summary>
/// Episode rows for the <c>responder</c> target: one row per client, labelled by the same rule as
/// <see cref="Outcomes.EpisodeTable"/> (<see cref="Outcomes.ResponderCriteria"/>: improvement from the first
/// <c>pain_pre</c> to the last <c>pain_post</c> ≥ <c>minPoints</c> NPRS points and ≥ <c>minFraction</c>; defaults
/// 2 points and 30 %, Farrar et al. 2001, Pain 94(2):149–158). Unlike the outcome table, it also aggregates predictors.
/// Predictors are what is known at the start of care — the client's FIRST session (baseline pain, stress, hydration,
/// region, the techniques used at that visit…), never values from later sessions: averaging over the episode would
/// leak information from the sessions whose outcome is being predicted. <c>session</c> and <c>day</c> are dropped
/// (episode length is only known afterwards).
/// </summary>
internal static class ResponderEpisodes
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { SessionColumns.ClientId, "session", "day", "pain_post" };

    /// <summary>Builds episodes; with <paramref name="requireOutcome"/> false (scoring) labels are 0 and pain_post is not needed.</summary>
    public static PredictionFrame Build(ColumnTable sessions, double minPoints, double minFraction, bool requireOutcome)
    {
        var criteria = Outcomes.ResponderCriteria.Custom(minPoints, 100 * minFraction);
        var clients = PredictionFrame.ClientKeys(sessions);
        var pre = sessions.Numeric("pain_pre").Values;
        var post = requireOutcome ? sessions.Numeric("pain_post").Values : null;
        var exclusions = new List<RowExclusion>();
        var episodes = GroupSessions(sessions, clients, exclusions);
        var kept = new List<int[]>();
        var labels = new List<float>();
        foreach (var rows in episodes)
        {
            var first = pre[rows[0]];
            var last = post is null ? 0 : post[rows[^1]];
            if (double.IsNaN(first) || double.IsNaN(last))
            {
                var which = double.IsNaN(first) ? "pain_pre of first session" : "pain_post of last session";
                exclusions.Add(new RowExclusion(sessions.SourceLines[rows[0]], $"this client's episode: missing {which}"));
                continue;
            }
            var change = last - first;
            var responder = post is not null && first > 0 && criteria.IsResponder(change, 100 * change / first);
            kept.Add(rows);
            labels.Add(responder ? 1f : 0f);
        }
        var table = EpisodeTable(sessions, kept, clients);
        return new PredictionFrame(table, labels.ToArray(), kept.Select(r => clients[r[0]]!).ToArray(), exclusions);
    }

    private static List<int[]> GroupSessions(ColumnTable sessions, string?[] clients, List<RowExclusion> exclusions)
    {
        var order = sessions.TryGetColumn("session", out var s) && s is NumericColumn sc ? sc.Values : null;
        var byClient = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var firstSeen = new List<string>();
        for (var i = 0; i < sessions.RowCount; i++)
        {
            if (clients[i] is not { } id)
            {
                exclusions.Add(new RowExclusion(sessions.SourceLines[i], "missing client_id"));
                continue;
            }
            if (!byClient.TryGetValue(id, out var list))
            {
                byClient[id] = list = [];
                firstSeen.Add(id);
            }
            list.Add(i);
        }
        return firstSeen
            .Select(id => byClient[id].OrderBy(i => order is null || double.IsNaN(order[i]) ? double.MaxValue : order[i]).ThenBy(i => i).ToArray())
            .ToList();
    }

    private static ColumnTable EpisodeTable(ColumnTable sessions, List<int[]> episodes, string?[] clients)
    {
        var lines = episodes.Select(rows => sessions.SourceLines[rows[0]]).ToArray();
        var table = new ColumnTable(episodes.Count, lines);
        table.Add(new TextColumn(SessionColumns.ClientId, episodes.Select(rows => clients[rows[0]]).ToArray()));
        var firstSessions = episodes.Select(rows => rows[0]).ToArray();
        foreach (var column in sessions.Columns.Where(c => !Dropped.Contains(c.Name)))
        {
            table.Add(column.Take(firstSessions));
        }
        return table;
    }
}
