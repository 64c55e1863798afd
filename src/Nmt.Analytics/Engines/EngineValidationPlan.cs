using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Engines;

/// <summary>
/// Which checks of <see cref="EngineValidate"/> run where: numeric contract columns held as numbers are checked in
/// the row statement; code, code-set and text-held columns by their distinct values in nmt.
/// </summary>
internal sealed class EngineValidationPlan
{
    private readonly Dictionary<string, bool> _numeric;

    private EngineValidationPlan(Dictionary<string, bool> numeric, List<string> columns)
    {
        _numeric = numeric;
        Columns = columns;
    }

    /// <summary>The source's column names (the derived pain_change left out).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Contract columns checked by their distinct values.</summary>
    public IEnumerable<(string Name, ColumnSpec Spec)> DistinctColumns => Specs.Where(c => !IsSqlChecked(c.Spec) && c.Spec.Kind is not (ColumnKind.Identifier or ColumnKind.Text));

    private IEnumerable<(string Name, ColumnSpec Spec)> Specs =>
        Columns.Select(c => (c, SessionSchema.Find(c))).Where(c => c.Item2 is not null).Select(c => (c.Item1, c.Item2!));

    public static EngineValidationPlan Create(SqlSource source)
    {
        var columns = source.Columns.Where(c => c.Name != SessionSchema.PainChange).ToList();
        return new EngineValidationPlan(columns.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().IsNumeric, StringComparer.Ordinal), [.. columns.Select(c => c.Name)]);
    }

    /// <summary>
    /// One pass: each distinct value of each of <paramref name="columns"/> with its number of rows
    /// (<c>GROUP BY GROUPING SETS</c>, SQL:1999; <c>GROUPING(c) = 0</c> marks the column a result row belongs to).
    /// </summary>
    public static string Distinct(IReadOnlyList<string> columns)
    {
        var names = columns.Select(SqlText.Identifier).ToList();
        return $"SELECT {string.Join(", ", names)}, {string.Join(", ", names.Select((c, j) => $"GROUPING({c}) AS g{j}"))}, COUNT(*) AS n "
            + $"FROM {SqlSource.Relation} GROUP BY GROUPING SETS ({string.Join(", ", names.Select(c => $"({c})"))})";
    }

    private bool Has(string column) => _numeric.ContainsKey(column);

    private bool IsSqlChecked(ColumnSpec spec) => spec.IsNumeric && _numeric.GetValueOrDefault(spec.Name);

    /// <summary>
    /// One statement: rows read, rows with an error, clients and clinics of the other rows, then one count per rule
    /// of <see cref="Rules"/>. <paramref name="errorValues"/>: per distinct-checked column, the values that are errors.
    /// </summary>
    public (string Sql, IReadOnlyList<(string Rule, IssueSeverity Severity)> Rules) RowStatement(IReadOnlyDictionary<string, List<string>> errorValues)
    {
        var rules = Rules().ToList();
        var errors = rules.Where(r => r.Severity == IssueSeverity.Error).Select(r => r.Sql).ToList();
        foreach (var (name, spec) in DistinctColumns)
        {
            if (errorValues.TryGetValue(name, out var bad) && bad.Count > 0)
            {
                errors.Add($"{SqlText.Identifier(name)} IN ({string.Join(", ", bad.Select(SqlText.Literal))})");
            }
            if (spec.ValueRequired)
            {
                errors.Add($"{SqlText.Identifier(name)} IS NULL");
            }
        }
        var error = errors.Count == 0 ? "1 = 0" : string.Join(" OR ", errors.Select(e => $"({e}) IS TRUE"));
        string Distinct(string column) => Has(column) ? $"COUNT(DISTINCT CASE WHEN NOT ({error}) THEN {SqlText.Identifier(column)} END)" : "0";
        var sums = new List<string> { "COUNT(*) AS n_read", $"COUNT(CASE WHEN {error} THEN 1 END) AS excluded", $"{Distinct(SessionColumns.ClientId)} AS clients", $"{Distinct(SessionColumns.ClinicId)} AS clinics" };
        sums.AddRange(rules.Select((r, i) => $"COUNT(CASE WHEN {r.Sql} THEN 1 END) AS rule_{i}"));
        return ($"{Ordered()} SELECT {string.Join(", ", sums)} FROM nmt_ordered", [.. rules.Select(r => (r.Rule, r.Severity))]);
    }

    /// <summary>The rows with the client-order windows (when client_id, session and day allow them).</summary>
    private string Ordered()
    {
        if (!ClientRules)
        {
            return $"WITH nmt_ordered AS (SELECT * FROM {SqlSource.Relation})";
        }
        var (client, session) = (SqlText.Identifier(SessionColumns.ClientId), SqlText.Identifier(SessionColumns.Session));
        var day = Has("day") && _numeric["day"] ? SqlText.Identifier("day") : null;
        var order = day is null ? session : $"{session}, {day}";
        var windows = new List<string>
        {
            $"ROW_NUMBER() OVER (PARTITION BY {client}, {session} ORDER BY {day ?? session}) AS nmt_repeat",
            $"ROW_NUMBER() OVER (PARTITION BY {client} ORDER BY {order}) AS nmt_position",
        };
        if (day is not null)
        {
            windows.Add($"MAX({day}) OVER (PARTITION BY {client} ORDER BY {order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS nmt_previous_day");
        }
        return $"WITH nmt_ordered AS (SELECT {SqlSource.Relation}.*, {string.Join(", ", windows)} FROM {SqlSource.Relation})";
    }

    private bool ClientRules => Has(SessionColumns.ClientId) && Has(SessionColumns.Session) && _numeric[SessionColumns.Session];

    /// <summary>The rules counted in SQL: (rule, severity, condition per row).</summary>
    private IEnumerable<(string Rule, IssueSeverity Severity, string Sql)> Rules()
    {
        foreach (var (name, spec) in Specs.Where(c => IsSqlChecked(c.Spec) || c.Spec.Kind == ColumnKind.Identifier))
        {
            var column = SqlText.Identifier(name);
            if (spec.ValueRequired)
            {
                yield return (ValidationRules.MissingValue, IssueSeverity.Error, $"{column} IS NULL");
            }
            if (spec.Kind == ColumnKind.Identifier)
            {
                continue;
            }
            if (spec.Kind == ColumnKind.Flag)
            {
                yield return (ValidationRules.WrongType, IssueSeverity.Error, $"{column} IS NOT NULL AND {column} <> 0 AND {column} <> 1");
                continue;
            }
            var whole = spec.Kind == ColumnKind.Integer ? $" AND {column} = FLOOR({column})" : "";
            if (whole.Length > 0)
            {
                yield return (ValidationRules.WrongType, IssueSeverity.Error, $"{column} <> FLOOR({column})");
            }
            var outside = Outside(column, spec.Min, spec.Max);
            if (outside is not null)
            {
                yield return (ValidationRules.OutOfRange, IssueSeverity.Error, $"({outside}){whole}");
            }
            var implausible = Outside(column, spec.PlausibleMin, spec.PlausibleMax);
            if (implausible is not null)
            {
                yield return (ValidationRules.Implausible, IssueSeverity.Warning, $"({implausible}){whole}{(outside is null ? "" : $" AND NOT ({outside})")}");
            }
        }
        foreach (var rule in PairRules())
        {
            yield return rule;
        }
        foreach (var rule in ClientOrderRules())
        {
            yield return rule;
        }
    }

    private static string? Outside(string column, double? min, double? max)
    {
        var tests = new List<string>();
        if (min is { } low)
        {
            tests.Add($"{column} < {EngineEpisodes.Literal(low)}");
        }
        if (max is { } high)
        {
            tests.Add($"{column} > {EngineEpisodes.Literal(high)}");
        }
        return tests.Count == 0 ? null : string.Join(" OR ", tests);
    }

    private string Blank(string column) => Has(column) ? $"{SqlText.Identifier(column)} IS NULL" : "1 = 1";

    private string Given(string column) => $"{SqlText.Identifier(column)} IS NOT NULL";

    private IEnumerable<(string, IssueSeverity, string)> PairRules()
    {
        if (Has("pain_pre") && Has("pain_post"))
        {
            yield return (ValidationRules.PainPostWithoutPre, IssueSeverity.Error, $"{Blank("pain_pre")} AND {Given("pain_post")}");
            yield return (ValidationRules.MissingPainPost, IssueSeverity.Warning, $"{Given("pain_pre")} AND {Blank("pain_post")}");
            yield return (ValidationRules.MissingPain, IssueSeverity.Warning, $"{Blank("pain_pre")} AND {Blank("pain_post")}");
        }
        foreach (var (pre, post) in new[] { ("ppt_pre", "ppt_post"), ("rom_pre", "rom_post") })
        {
            if (Has(post))
            {
                yield return (ValidationRules.PostWithoutPre, IssueSeverity.Warning, $"{Given(post)} AND {Blank(pre)}");
            }
        }
        if (Has("disability_score"))
        {
            yield return (ValidationRules.ScoreWithoutInstrument, IssueSeverity.Error, $"{Given("disability_score")} AND {Blank("disability_instrument")}");
        }
    }

    /// <summary>Duplicate (client_id, session), day going backwards and day 0 at session 1, per client in session order.</summary>
    private IEnumerable<(string, IssueSeverity, string)> ClientOrderRules()
    {
        if (!ClientRules)
        {
            yield break;
        }
        var placed = $"{Given(SessionColumns.ClientId)} AND {Given(SessionColumns.Session)}";
        yield return (ValidationRules.DuplicateSession, IssueSeverity.Error, $"{placed} AND nmt_repeat > 1");
        if (Has("day") && _numeric["day"])
        {
            yield return (ValidationRules.DayBackwards, IssueSeverity.Error, $"{placed} AND nmt_repeat = 1 AND \"day\" < nmt_previous_day");
            yield return (ValidationRules.DayNotZero, IssueSeverity.Warning, $"{placed} AND nmt_position = 1 AND \"session\" = 1 AND \"day\" <> 0");
        }
    }
}
