using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Privacy;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Engines;

/// <summary>
/// <c>nmt describe --engine</c>: the tables of <see cref="DescriptiveAnalysis"/> from additive sums computed in an
/// engine. Pain change per grouping and level: the engine groups the usable sessions by (level, client), then by
/// level, and returns the number of clients and sessions, Σ of the client means and of their squares, Σ change and
/// Σ change² — from which nmt forms the client-level and session-level means, SDs and t intervals
/// (<see cref="MeanInterval.FromSums"/>) and applies the same primary and complementary suppression
/// (<see cref="CellSuppression"/>) to the per-level client counts. Episodes come from <see cref="EngineEpisodes"/>;
/// the effect sizes from the sums of the pre and post values and their squares. Every statistic of in-memory
/// describe is additive (no median or quantile); the cluster bootstrap resamples rows and is refused.
/// </summary>
public static class EngineDescribe
{
    /// <summary>Describes the sessions of <paramref name="source"/>; <paramref name="by"/> null means every grouping whose column exists.</summary>
    /// <exception cref="NmtInputException">A bootstrap request, a missing column, or an engine error.</exception>
    public static EngineDescribeResult Run(SqlSource source, IReadOnlyList<string>? by, SummaryOptions options)
    {
        var plan = Plan(source, by, options);
        var sessions = Sessions(source, plan);
        var table = PainChange(source, plan, sessions, options);
        var (episodes, effects) = Episodes(source, plan, sessions, options);
        var exclusions = new List<ExclusionCount>();
        if (sessions.NoPain > 0)
        {
            exclusions.Add(new ExclusionCount("missing pain_pre or pain_post", sessions.NoPain));
        }
        if (sessions.NoClient > 0)
        {
            exclusions.Add(new ExclusionCount("missing client_id", sessions.NoClient));
        }
        return new EngineDescribeResult(new DescriptiveResult([table, episodes, effects], []), sessions.Read, exclusions);
    }

    /// <summary>The statements, in portable SQL over <see cref="SqlSource.Relation"/> (after the pass that lists the technique codes).</summary>
    public static IReadOnlyList<string> Statements(SqlSource source, IReadOnlyList<string>? by, SummaryOptions options)
    {
        var plan = Plan(source, by, options);
        return [plan.SessionSql, plan.CellSql, plan.EpisodeSql];
    }

    private sealed record DescribePlan(List<SessionGrouping> Groupings, List<string> Skipped, string SessionSql, string CellSql, string EpisodeSql);

    private sealed record SessionCounts(long Read, long NoPain, long NoClient, long[] Unclassified, MeanInterval Change, double SdPre, double SdPost);

    private sealed record Cell(long Clients, long Sessions, double SumMeans, double SumMeanSquares, double Sum, double SumSquares);

    private static DescribePlan Plan(SqlSource source, IReadOnlyList<string>? by, SummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BootstrapReplicates > 0)
        {
            throw new NmtInputException("--bootstrap resamples the rows of each client, which stay in the engine; drop --bootstrap or --engine.");
        }
        var episodes = new EngineEpisodes(source.Columns);
        var skipped = new List<string>();
        var groupings = new List<SessionGrouping> { SessionGrouping.Overall };
        foreach (var name in by ?? DescriptiveAnalysis.Groupings.Take(DescriptiveAnalysis.Groupings.Count - 1))
        {
            foreach (var grouping in DescriptiveAnalysis.GroupingsFor(name))
            {
                if (episodes.Has(grouping.Column))
                {
                    groupings.Add(grouping);
                }
                else if (by is null)
                {
                    skipped.Add(grouping.Column);
                }
                else
                {
                    throw new NmtInputException($"unknown column '{grouping.Column}'; the source has: {string.Join(", ", source.Columns.Select(c => c.Name))}.");
                }
            }
        }
        var codes = groupings.Any(g => g.Column == SessionColumns.Techniques) ? Codes(source) : [];
        var levels = groupings.Select(g => Level(g, episodes)).ToList();
        return new DescribePlan(groupings, skipped, SessionSql(levels), CellSql(groupings, levels, codes), EpisodeSql(episodes));
    }

    /// <summary>A grouping's level per session as SQL (text; NULL = unclassified), and whether a numeric column gives it.</summary>
    private static (string Sql, bool Numeric) Level(SessionGrouping grouping, EngineEpisodes episodes)
    {
        var column = SqlText.Identifier(grouping.Column);
        if (grouping == SessionGrouping.Overall)
        {
            return ("'all'", false);
        }
        if (grouping == SessionGrouping.Technique || grouping == SessionGrouping.TechniqueAlone)
        {
            return ($"TRIM(BOTH ';' FROM REPLACE({column}, ' ', ''))", false);
        }
        if (grouping.Name is "region" or "clinic")
        {
            return (column, episodes.IsNumeric(grouping.Column));
        }
        if (!episodes.IsNumeric(grouping.Column))
        {
            throw new NmtInputException($"the column '{grouping.Column}' is not numeric in the source, so it cannot be banded; run nmt validate.");
        }
        var bands = grouping.Name switch { "stress" => FactorBands.Stress, "hydration" => FactorBands.Hydration, _ => FactorBands.Sleep };
        var value = SqlText.Double(column);
        var cases = bands.Bands.Select(b =>
        {
            var tests = new List<string>();
            if (!double.IsInfinity(b.Lower))
            {
                tests.Add($"{value} {(b.LowerInclusive ? ">=" : ">")} {EngineEpisodes.Literal(b.Lower)}");
            }
            if (!double.IsInfinity(b.Upper))
            {
                tests.Add($"{value} {(b.UpperInclusive ? "<=" : "<")} {EngineEpisodes.Literal(b.Upper)}");
            }
            return $"WHEN {string.Join(" AND ", tests)} THEN {SqlText.Literal(b.Label)}";
        });
        return ($"CASE WHEN {column} IS NULL THEN NULL {string.Join(" ", cases)} ELSE NULL END", false);
    }

    /// <summary>The technique codes the source holds (its distinct code lists, split as in memory).</summary>
    private static List<string> Codes(SqlSource source)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        var column = SqlText.Identifier(SessionColumns.Techniques);
        source.Query($"SELECT DISTINCT {column} FROM {SqlSource.Relation} WHERE {column} IS NOT NULL", r =>
        {
            foreach (var code in r.GetString(0).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                codes.Add(code.Replace(" ", "", StringComparison.Ordinal));
            }
        });
        return [.. codes];
    }

    private static string Usable => $"{SqlText.Identifier(SessionColumns.PainPre)} IS NOT NULL AND {SqlText.Identifier(SessionColumns.PainPost)} IS NOT NULL AND {SqlText.Identifier(SessionColumns.ClientId)} IS NOT NULL";

    private static string Pre => SqlText.Double(SqlText.Identifier(SessionColumns.PainPre));

    private static string Post => SqlText.Double(SqlText.Identifier(SessionColumns.PainPost));

    /// <summary>One pass over the sessions: rows read and excluded, unclassified sessions per grouping, the session-level pair sums.</summary>
    private static string SessionSql(List<(string Sql, bool Numeric)> levels)
    {
        var pair = $"{SqlText.Identifier(SessionColumns.PainPre)} IS NOT NULL AND {SqlText.Identifier(SessionColumns.PainPost)} IS NOT NULL";
        var sums = new List<string>
        {
            "COUNT(*) AS n_read",
            $"COUNT(CASE WHEN NOT ({pair}) THEN 1 END) AS no_pain",
            $"COUNT(CASE WHEN {pair} AND {SqlText.Identifier(SessionColumns.ClientId)} IS NULL THEN 1 END) AS no_client",
            $"COUNT(CASE WHEN {pair} THEN 1 END) AS n_pairs",
            $"SUM(CASE WHEN {pair} THEN {Post} - {Pre} END) AS d",
            $"SUM(CASE WHEN {pair} THEN ({Post} - {Pre}) * ({Post} - {Pre}) END) AS d_d",
            $"SUM(CASE WHEN {pair} THEN {Pre} END) AS pre",
            $"SUM(CASE WHEN {pair} THEN {Pre} * {Pre} END) AS pre_pre",
            $"SUM(CASE WHEN {pair} THEN {Post} END) AS post",
            $"SUM(CASE WHEN {pair} THEN {Post} * {Post} END) AS post_post",
        };
        sums.AddRange(levels.Select((l, g) => $"COUNT(CASE WHEN {Usable} AND ({l.Sql}) IS NULL THEN 1 END) AS unclassified_{g}"));
        return $"SELECT {string.Join(", ", sums)} FROM {SqlSource.Relation}";
    }

    /// <summary>Per grouping and level: clients, sessions, Σ client means and their squares, Σ change and Σ change².</summary>
    private static string CellSql(List<SessionGrouping> groupings, List<(string Sql, bool Numeric)> levels, List<string> codes)
    {
        var carried = groupings.Where(g => g.Column.Length > 0).Select(g => g.Column).Distinct(StringComparer.Ordinal).Select(SqlText.Identifier);
        var usable = $"nmt_usable AS (SELECT {SqlText.Identifier(SessionColumns.ClientId)} AS client, {Post} - {Pre} AS change{string.Concat(carried.Select(c => ", " + c))} FROM {SqlSource.Relation} WHERE {Usable})";
        var branches = new List<string>();
        for (var g = 0; g < groupings.Count; g++)
        {
            var name = SqlText.Literal(groupings[g].Name);
            var (level, numeric) = levels[g];
            var text = numeric ? "NULL" : level;
            var number = numeric ? SqlText.Double(level) : "CAST(NULL AS DOUBLE PRECISION)";
            if (groupings[g] == SessionGrouping.Technique)
            {
                if (codes.Count > 0)
                {
                    branches.Add($"SELECT {name} AS grp, nmt_codes.code AS lvl, {number} AS lvl_num, client, change FROM nmt_usable JOIN nmt_codes "
                        + $"ON POSITION(';' || nmt_codes.code || ';' IN ';' || {level} || ';') > 0");
                }
                continue;
            }
            var where = groupings[g] == SessionGrouping.TechniqueAlone ? $"{level} IS NOT NULL AND {level} <> '' AND POSITION(';' IN {level}) = 0" : $"({level}) IS NOT NULL";
            branches.Add($"SELECT {name} AS grp, {text} AS lvl, {number} AS lvl_num, client, change FROM nmt_usable WHERE {where}");
        }
        var codeList = codes.Count > 0 ? $", nmt_codes AS (SELECT code FROM (VALUES {string.Join(", ", codes.Select(c => $"({SqlText.Literal(c)})"))}) AS nmt_code_list (code))" : "";
        return $"WITH {usable}{codeList}, nmt_cells AS ({string.Join(" UNION ALL ", branches)}), "
            + "nmt_clients AS (SELECT grp, lvl, lvl_num, client, COUNT(*) AS n, SUM(change) AS s, SUM(change * change) AS ss FROM nmt_cells GROUP BY grp, lvl, lvl_num, client) "
            + "SELECT grp, lvl, lvl_num, COUNT(*) AS n_clients, SUM(n) AS n_sessions, SUM(s / n) AS m, SUM((s / n) * (s / n)) AS m_m, SUM(s) AS s, SUM(ss) AS ss "
            + "FROM nmt_clients GROUP BY grp, lvl, lvl_num";
    }

    /// <summary>Over the episodes: exclusions by reason, and the sums of the change, the percentage change, responders and the pairs.</summary>
    private static string EpisodeSql(EngineEpisodes episodes)
    {
        var sums = new[]
        {
            "COUNT(CASE WHEN first_pre IS NULL THEN 1 END) AS no_first_pre",
            "COUNT(CASE WHEN first_pre IS NOT NULL AND last_post IS NULL THEN 1 END) AS no_last_post",
            "COUNT(CASE WHEN first_pre = 0 AND last_post IS NOT NULL THEN 1 END) AS zero_first_pre",
            "COUNT(change) AS n", "SUM(change) AS change", "SUM(change * change) AS change_change",
            "COUNT(pct) AS n_pct", "SUM(pct) AS pct", "SUM(pct * pct) AS pct_pct",
            "COUNT(responder) AS n_responder", "COUNT(CASE WHEN responder = 1 THEN 1 END) AS responders",
            "SUM(CASE WHEN change IS NOT NULL THEN first_pre END) AS first_pre", "SUM(CASE WHEN change IS NOT NULL THEN first_pre * first_pre END) AS first_pre_first_pre",
            "SUM(CASE WHEN change IS NOT NULL THEN last_post END) AS last_post", "SUM(CASE WHEN change IS NOT NULL THEN last_post * last_post END) AS last_post_last_post",
        };
        return episodes.With([])
            + $", nmt_scored AS (SELECT nmt_episodes.*, {EngineEpisodes.Responder(ResponderCriteria.Default)} AS responder FROM nmt_episodes)"
            + $" SELECT {string.Join(", ", sums)} FROM nmt_scored";
    }

    private static SessionCounts Sessions(SqlSource source, DescribePlan plan)
    {
        SessionCounts? counts = null;
        source.Query(plan.SessionSql, r =>
        {
            long C(int i) => EngineEpisodes.Count(r, i);
            double D(int i) => EngineEpisodes.Number(r, i);
            var n = C(3);
            counts = new SessionCounts(C(0), C(1), C(2), [.. plan.Groupings.Select((_, g) => C(10 + g))],
                MeanInterval.FromSums(n, D(4), D(5)), MeanInterval.FromSums(n, D(6), D(7)).Sd, MeanInterval.FromSums(n, D(8), D(9)).Sd);
        });
        return counts!;
    }

    private static ResultTable PainChange(SqlSource source, DescribePlan plan, SessionCounts sessions, SummaryOptions options)
    {
        var cells = new Dictionary<(string Group, string Level), Cell>();
        source.Query(plan.CellSql, r =>
        {
            var level = EngineEpisodes.Key(r, 1) ?? EngineEpisodes.Key(r, 2)!;
            cells[(r.GetString(0), level)] = new Cell(EngineEpisodes.Count(r, 3), EngineEpisodes.Count(r, 4), EngineEpisodes.Number(r, 5),
                EngineEpisodes.Number(r, 6), EngineEpisodes.Number(r, 7), EngineEpisodes.Number(r, 8));
        });
        var table = PainChangeSummary.NewTable();
        for (var g = 0; g < plan.Groupings.Count; g++)
        {
            var grouping = plan.Groupings[g];
            var mine = cells.Where(c => c.Key.Group == grouping.Name).ToDictionary(c => c.Key.Level, c => c.Value, StringComparer.Ordinal);
            var suppressed = options.MinClients > 0
                ? CellSuppression.Suppress(mine.ToDictionary(c => c.Key, c => c.Value.Clients, StringComparer.Ordinal), options.MinClients)
                : new HashSet<string>();
            foreach (var level in grouping.Order(mine.Keys))
            {
                var c = mine[level];
                table.AddRow(suppressed.Contains(level) || c.Clients < options.MinClients
                    ? PainChangeSummary.SuppressedRow(grouping.Name, level)
                    : PainChangeSummary.Row(grouping.Name, level, c.Sessions, MeanInterval.FromSums(c.Clients, c.SumMeans, c.SumMeanSquares, options.Confidence),
                        MeanInterval.FromSums(c.Sessions, c.Sum, c.SumSquares, options.Confidence)));
            }
            PainChangeSummary.AddUnclassifiedNote(table, grouping, sessions.Unclassified[g]);
        }
        var excluded = new List<(string, long)>();
        if (sessions.NoPain > 0)
        {
            excluded.Add(("missing pain_pre or pain_post", sessions.NoPain));
        }
        if (sessions.NoClient > 0)
        {
            excluded.Add(("missing client_id", sessions.NoClient));
        }
        PainChangeSummary.AddNotes(table, excluded, options);
        foreach (var column in plan.Skipped.Distinct(StringComparer.Ordinal))
        {
            table.AddNote($"No '{column}' column in the data; that grouping is skipped.");
        }
        return table;
    }

    private static (ResultTable Episodes, ResultTable Effects) Episodes(SqlSource source, DescribePlan plan, SessionCounts sessions, SummaryOptions options)
    {
        var episodes = EpisodeSummary.NewTable();
        var effects = PairedEffectSize.NewTable();
        var unplaceable = Unplaceable(source);
        source.Query(plan.EpisodeSql, r =>
        {
            long C(int i) => EngineEpisodes.Count(r, i);
            double D(int i) => EngineEpisodes.Number(r, i);
            MeanInterval? Mean(int i) => C(i) < options.MinClients ? null : MeanInterval.FromSums(C(i), D(i + 1), D(i + 2), options.Confidence);
            EpisodeSummary.AddMean(episodes, "episode_change", Mean(3));
            EpisodeSummary.AddMean(episodes, "episode_pct_change", Mean(6));
            EpisodeSummary.AddResponder(episodes, C(9), C(10), options);
            var reasons = new (string, long)[]
            {
                (EngineEpisodes.Reasons.NoClient, unplaceable.NoClient), (EngineEpisodes.Reasons.NoSession, unplaceable.NoSession),
                (EngineEpisodes.Reasons.NoFirstPre, C(0)), (EngineEpisodes.Reasons.NoLastPost, C(1)), (EngineEpisodes.Reasons.ZeroFirstPre, C(2)),
            };
            EpisodeSummary.AddNotes(episodes, ResponderCriteria.Default, reasons.Where(e => e.Item2 > 0));
            var n = C(3);
            if (n < options.MinClients)
            {
                DescriptiveAnalysis.SuppressedEffectSizes(effects, options);
                return;
            }
            PairedEffectSize.From(MeanInterval.FromSums(n, D(4), D(5), options.Confidence), MeanInterval.FromSums(n, D(11), D(12)).Sd, MeanInterval.FromSums(n, D(13), D(14)).Sd, options.Confidence)
                .AddRowsTo(effects, "episode");
            PairedEffectSize.From(sessions.Change, sessions.SdPre, sessions.SdPost, options.Confidence).AddRowsTo(effects, "session");
            DescriptiveAnalysis.EffectSizeNotes(effects);
        });
        return (episodes, effects);
    }

    private static (long NoClient, long NoSession) Unplaceable(SqlSource source)
    {
        (long, long) counts = (0, 0);
        source.Query(EngineEpisodes.Unplaceable(null), r => counts = (EngineEpisodes.Count(r, 1), EngineEpisodes.Count(r, 2)));
        return counts;
    }
}
