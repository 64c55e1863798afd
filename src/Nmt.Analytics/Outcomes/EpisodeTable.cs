using Nmt.Analytics.Data;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Builds per-episode outcomes: a client's sessions ordered by <c>session</c> (ties by <c>day</c>, then file line)
/// form one episode. <c>episode_change</c> = last <c>pain_post</c> − first <c>pain_pre</c> (negative = improvement),
/// <c>episode_pct_change</c> = 100 · episode_change / first <c>pain_pre</c> (undefined when that is 0), and
/// <c>responder</c> (1/0) per <see cref="ResponderCriteria"/>.
/// </summary>
/// <remarks>
/// Output columns: client_id, clinic_id, n_sessions, first_pain_pre, last_pain_post, episode_change,
/// episode_pct_change, responder (NaN when undefined), episode_days (when <c>day</c> exists), main_technique (when
/// <c>techniques</c> exists: the code used in most of the episode's sessions, ties to the first in ordinal order), then the baseline
/// covariates of <see cref="SessionColumns.BaselineCovariates"/> present in the data, taken from the first session.
/// A client whose first session lacks <c>pain_pre</c> or whose last session lacks <c>pain_post</c> is excluded
/// (the episode is anchored on the true first and last sessions; substituting another session would change its meaning).
/// A single-session client's episode is that session's change.
/// </remarks>
public static class EpisodeTable
{
    /// <summary>Column name of the episode's most frequent technique (the client's technique mix, in one code).</summary>
    public const string MainTechnique = "main_technique";

    /// <summary>Builds the episode table with the default responder criteria (≥ 2 points and ≥ 30 %).</summary>
    public static EpisodeResult Build(ColumnTable sessions) => Build(sessions, ResponderCriteria.Default);

    /// <summary>Builds the episode table with the given responder criteria.</summary>
    public static EpisodeResult Build(ColumnTable sessions, ResponderCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(criteria);
        var exclusions = new List<RowExclusion>();
        var episodes = OrderedEpisodes(sessions, exclusions);
        var pre = sessions.Numeric(SessionColumns.PainPre);
        var post = sessions.Numeric(SessionColumns.PainPost);
        var kept = new List<int[]>();
        foreach (var rows in episodes)
        {
            if (double.IsNaN(pre[rows[0]]))
            {
                exclusions.Add(new RowExclusion(sessions.SourceLines[rows[0]], "the client's first session has no pain_pre; episode excluded"));
            }
            else if (double.IsNaN(post[rows[^1]]))
            {
                exclusions.Add(new RowExclusion(sessions.SourceLines[rows[^1]], "the client's last session has no pain_post; episode excluded"));
            }
            else
            {
                kept.Add(rows);
            }
        }
        return new EpisodeResult(Assemble(sessions, kept, criteria, exclusions), exclusions, criteria);
    }

    private static List<int[]> OrderedEpisodes(ColumnTable sessions, List<RowExclusion> exclusions)
    {
        var clientColumn = sessions[SessionColumns.ClientId];
        var session = sessions.Numeric(SessionColumns.Session);
        var day = sessions.TryGetColumn(SessionColumns.Day, out var d) && d is NumericColumn dn ? dn : null;
        var byClient = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var row = 0; row < sessions.RowCount; row++)
        {
            var client = CellKey.Of(clientColumn, row);
            if (client is null || double.IsNaN(session[row]))
            {
                var what = client is null ? SessionColumns.ClientId : SessionColumns.Session;
                exclusions.Add(new RowExclusion(sessions.SourceLines[row], $"missing {what}; session cannot be placed in an episode"));
                continue;
            }
            if (!byClient.TryGetValue(client, out var rows))
            {
                byClient[client] = rows = [];
                order.Add(client);
            }
            rows.Add(row);
        }
        return order.Select(c => byClient[c]
            .OrderBy(r => session[r])
            .ThenBy(r => day is null || double.IsNaN(day[r]) ? double.PositiveInfinity : day[r])
            .ThenBy(r => sessions.SourceLines[r])
            .ToArray()).ToList();
    }

    private static ColumnTable Assemble(ColumnTable sessions, List<int[]> episodes, ResponderCriteria criteria, List<RowExclusion> exclusions)
    {
        var pre = sessions.Numeric(SessionColumns.PainPre);
        var post = sessions.Numeric(SessionColumns.PainPost);
        var firstRows = episodes.Select(e => e[0]).ToArray();
        var n = episodes.Count;
        var (first, last, change, pct, responder, count) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var rows = episodes[i];
            (count[i], first[i], last[i]) = (rows.Length, pre[rows[0]], post[rows[^1]]);
            change[i] = last[i] - first[i];
            pct[i] = first[i] == 0 ? double.NaN : 100 * change[i] / first[i];
            responder[i] = double.IsNaN(pct[i]) ? double.NaN : criteria.IsResponder(change[i], pct[i]) ? 1 : 0;
            if (first[i] == 0)
            {
                exclusions.Add(new RowExclusion(sessions.SourceLines[rows[0]],
                    "the client's first pain_pre is 0, so episode_pct_change and responder are undefined"));
            }
        }
        var lines = firstRows.Select(r => sessions.SourceLines[r]).ToArray();
        var table = new ColumnTable(n, lines);
        table.Add(sessions[SessionColumns.ClientId].Take(firstRows));
        if (sessions.TryGetColumn(SessionColumns.ClinicId, out var clinic))
        {
            table.Add(clinic.Take(firstRows));
        }
        table.Add(new NumericColumn("n_sessions", count));
        table.Add(new NumericColumn("first_pain_pre", first));
        table.Add(new NumericColumn("last_pain_post", last));
        table.Add(new NumericColumn("episode_change", change));
        table.Add(new NumericColumn("episode_pct_change", pct));
        table.Add(new NumericColumn("responder", responder));
        AddEpisodeDays(sessions, episodes, table);
        AddMainTechnique(sessions, episodes, table);
        foreach (var name in SessionColumns.BaselineCovariates)
        {
            if (sessions.TryGetColumn(name, out var column))
            {
                table.Add(column.Take(firstRows));
            }
        }
        return table;
    }

    private static void AddEpisodeDays(ColumnTable sessions, List<int[]> episodes, ColumnTable table)
    {
        if (!sessions.TryGetColumn(SessionColumns.Day, out var d) || d is not NumericColumn day)
        {
            return;
        }
        table.Add(new NumericColumn("episode_days", episodes.Select(e => day[e[^1]] - day[e[0]]).ToArray()));
    }

    private static void AddMainTechnique(ColumnTable sessions, List<int[]> episodes, ColumnTable table)
    {
        if (!sessions.TryGetColumn(SessionColumns.Techniques, out var t) || t is not CodeSetColumn techniques)
        {
            return;
        }
        table.Add(new TextColumn(MainTechnique, episodes.Select(e => MostFrequent(techniques, e)).ToArray()));
    }

    private static string? MostFrequent(CodeSetColumn techniques, int[] rows) => rows
        .SelectMany(r => techniques[r] ?? [])
        .GroupBy(code => code, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.Key).FirstOrDefault();
}
