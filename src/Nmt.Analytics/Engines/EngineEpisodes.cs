using System.Data.Common;
using System.Globalization;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Engines;

/// <summary>
/// The episode reduction of <see cref="EpisodeTable"/> in portable SQL: a client's sessions ordered by
/// <c>session</c> (ties by <c>day</c>, missing days last) with the standard window function <c>ROW_NUMBER()</c>
/// (SQL:2003), then one <c>GROUP BY</c> client taking the first session's <c>pain_pre</c> and baseline covariates
/// and the last session's <c>pain_post</c> by conditional aggregation. The relation <c>nmt_episodes</c> has the
/// columns <c>client</c>, <c>n_sessions</c>, <c>first_pre</c>, <c>last_post</c>, <c>change</c>, <c>pct</c>
/// (NULL when the first <c>pain_pre</c> is 0) and the carried columns under their own names. An engine knows no file
/// lines, so sessions tied on both <c>session</c> and <c>day</c> (a duplicate session, which <c>nmt validate</c>
/// reports) are ordered arbitrarily.
/// </summary>
internal sealed class EngineEpisodes
{
    private readonly Dictionary<string, bool> _columns;

    public EngineEpisodes(IReadOnlyList<SourceColumn> columns)
    {
        _columns = columns.ToDictionary(c => c.Name, c => c.IsNumeric, StringComparer.Ordinal);
        foreach (var required in new[] { SessionColumns.ClientId, SessionColumns.Session, SessionColumns.PainPre, SessionColumns.PainPost })
        {
            if (!_columns.ContainsKey(required))
            {
                throw new NmtInputException($"the source has no '{required}' column, which episodes need; it has: {string.Join(", ", columns.Select(c => c.Name))}.");
            }
        }
        foreach (var numeric in new[] { SessionColumns.Session, SessionColumns.PainPre, SessionColumns.PainPost })
        {
            if (!_columns[numeric])
            {
                throw new NmtInputException($"the column '{numeric}' is not numeric in the source; run nmt validate, or cast it in a view.");
            }
        }
    }

    /// <summary>True when the source has <paramref name="column"/>.</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>True when the source holds <paramref name="column"/> as numbers.</summary>
    public bool IsNumeric(string column) => _columns.TryGetValue(column, out var numeric) && numeric;

    /// <summary>
    /// <c>WITH nmt_ordered AS (…), nmt_episodes AS (…)</c> carrying the first session's value of each of
    /// <paramref name="carried"/> that the source has (the caller may add further common table expressions).
    /// </summary>
    public string With(IEnumerable<string> carried)
    {
        var kept = carried.Where(Has).Distinct(StringComparer.Ordinal).ToList();
        var client = SqlText.Identifier(SessionColumns.ClientId);
        var order = SqlText.Identifier(SessionColumns.Session);
        var day = Has(SessionColumns.Day) ? SqlText.Identifier(SessionColumns.Day) : null;
        var first = day is null ? $"{order} ASC" : $"{order} ASC, {day} ASC NULLS LAST";
        var last = day is null ? $"{order} DESC" : $"{order} DESC, {day} DESC NULLS FIRST";
        var ordered = new List<string>
        {
            $"{client} AS client",
            $"{SqlText.Double(SqlText.Identifier(SessionColumns.PainPre))} AS pre",
            $"{SqlText.Double(SqlText.Identifier(SessionColumns.PainPost))} AS post",
            $"ROW_NUMBER() OVER (PARTITION BY {client} ORDER BY {first}) AS nmt_first",
            $"ROW_NUMBER() OVER (PARTITION BY {client} ORDER BY {last}) AS nmt_last",
        };
        ordered.AddRange(kept.Select(SqlText.Identifier));
        var episodes = new List<string>
        {
            "client",
            "COUNT(*) AS n_sessions",
            "MAX(CASE WHEN nmt_first = 1 THEN pre END) AS first_pre",
            "MAX(CASE WHEN nmt_last = 1 THEN post END) AS last_post",
        };
        episodes.AddRange(kept.Select(c => $"MAX(CASE WHEN nmt_first = 1 THEN {SqlText.Identifier(c)} END) AS {SqlText.Identifier(c)}"));
        var scored = new List<string>
        {
            "nmt_grouped.*",
            "last_post - first_pre AS change",
            "CASE WHEN first_pre = 0 THEN NULL ELSE 100 * (last_post - first_pre) / first_pre END AS pct",
        };
        return $"WITH nmt_ordered AS (SELECT {string.Join(", ", ordered)} FROM {SqlSource.Relation} WHERE {client} IS NOT NULL AND {order} IS NOT NULL), "
            + $"nmt_grouped AS (SELECT {string.Join(", ", episodes)} FROM nmt_ordered GROUP BY client), "
            + $"nmt_episodes AS (SELECT {string.Join(", ", scored)} FROM nmt_grouped)";
    }

    /// <summary>
    /// Per value of <paramref name="column"/> (a clinic, or NULL): sessions that cannot be placed in an episode
    /// (no client, no session) — the first pass; its groups also list every value the sessions hold.
    /// </summary>
    public static string Unplaceable(string? column)
    {
        var client = SqlText.Identifier(SessionColumns.ClientId);
        var session = SqlText.Identifier(SessionColumns.Session);
        var key = column is null ? "" : SqlText.Identifier(column) + ", ";
        var group = column is null ? "" : " GROUP BY " + SqlText.Identifier(column);
        return $"SELECT {key}COUNT(*) AS n_read, COUNT(CASE WHEN {client} IS NULL THEN 1 END) AS no_client, "
            + $"COUNT(CASE WHEN {client} IS NOT NULL AND {session} IS NULL THEN 1 END) AS no_session FROM {SqlSource.Relation}{group}";
    }

    /// <summary>The responder rule of <paramref name="criteria"/> over <c>change</c> and <c>pct</c> (NULL when undefined).</summary>
    public static string Responder(ResponderCriteria criteria) =>
        $"CASE WHEN pct IS NULL THEN NULL WHEN -change >= {Literal(criteria.Points.Value - 1e-9)} AND -pct >= {Literal(criteria.Percent.Value - 1e-9)} THEN 1 ELSE 0 END";

    /// <summary>A double constant that every engine reads as a double (not an exact decimal).</summary>
    public static string Literal(double value) => SqlText.Double(value.ToString("E17", CultureInfo.InvariantCulture));

    /// <summary>Exclusion reasons as <see cref="EpisodeTable"/> words them.</summary>
    public static class Reasons
    {
        public const string NoClient = "missing client_id; session cannot be placed in an episode";
        public const string NoSession = "missing session; session cannot be placed in an episode";
        public const string NoFirstPre = "the client's first session has no pain_pre; episode excluded";
        public const string NoLastPost = "the client's last session has no pain_post; episode excluded";
        public const string ZeroFirstPre = "the client's first pain_pre is 0, so episode_pct_change and responder are undefined";
    }

    /// <summary>A grouping value as in-memory text (<c>CellKey</c>): text as is, numbers in round-trip form; null for NULL.</summary>
    public static string? Key(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        var value = reader.GetValue(ordinal);
        return value is string s ? s : Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A count or sum, 0 for NULL (a SUM over no rows).</summary>
    public static double Number(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetValue(ordinal) switch
    {
        System.Numerics.BigInteger b => (double)b,
        var v => Convert.ToDouble(v, CultureInfo.InvariantCulture),
    };

    /// <summary>A COUNT, or a SUM of counts (an engine may return it as a wide integer or a decimal).</summary>
    public static long Count(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetValue(ordinal) switch
    {
        System.Numerics.BigInteger b => (long)b,
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
    };

    /// <summary>The SQL test that <paramref name="column"/> equals <paramref name="level"/> (a number for numeric columns).</summary>
    public string LevelTest(string column, string level) =>
        $"{SqlText.Identifier(column)} = {(IsNumeric(column) ? Literal(double.Parse(level, CultureInfo.InvariantCulture)) : SqlText.Literal(level))}";
}
