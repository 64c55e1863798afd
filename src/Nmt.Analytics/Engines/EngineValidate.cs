using Nmt.Analytics.Data;

namespace Nmt.Analytics.Engines;

/// <summary>
/// <c>nmt validate --engine</c>: the data contract's checks that SQL can make, counted per rule, with the rows in the
/// engine. Header rules run on the source's column names (through the in-memory validator, on no rows). Cell rules:
/// numeric columns the engine holds as numbers are checked in SQL (whole numbers, flags, ranges, plausibility);
/// code, code-set and text-held columns are reduced to their distinct values with counts (one pass,
/// <c>GROUP BY GROUPING SETS</c>), which
/// nmt checks exactly as the in-memory validator does. Row rules (required values, pain pairs, post-without-pre,
/// score without instrument) are <c>CASE</c> counts; the client rules run per client in session order with window
/// functions (<c>ROW_NUMBER</c>, a running <c>MAX</c>): duplicate (client_id, session), day going backwards, day 0 at
/// session 1. One last pass counts the rows with any error (excluded in memory) and the clients and clinics of the
/// others. No value, key or identifier is returned or printed: only counts.
/// </summary>
/// <remarks>
/// Not re-run (they need the file's lines and bytes): <c>ragged_row</c>, <c>invalid_utf8</c>, <c>empty_file</c>,
/// <c>session_order</c> (rows out of order down the file), <c>direct_identifier_value</c> in identifier columns, and
/// the k-anonymity report. The client rules follow session order; on a file sorted by client and session (as the
/// contract asks) they count what the in-memory validator counts.
/// </remarks>
public static class EngineValidate
{
    /// <summary>Rules of the in-memory validator that an engine cannot re-run.</summary>
    public static IReadOnlyList<string> NotRerun { get; } =
        [ValidationRules.RaggedRow, ValidationRules.InvalidUtf8, ValidationRules.EmptyFile, ValidationRules.SessionOrder, "direct_identifier_value (identifier columns)", "k-anonymity report"];

    private static readonly HashSet<string> HeaderRules = new(StringComparer.Ordinal)
    {
        ValidationRules.MissingRequiredColumn, ValidationRules.DuplicateColumn, ValidationRules.EmptyColumnName,
        ValidationRules.SimilarColumn, ValidationRules.DirectIdentifierColumn,
    };

    /// <summary>Validates the rows of <paramref name="source"/>.</summary>
    public static EngineValidationReport Run(SqlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var plan = EngineValidationPlan.Create(source);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var severity = new Dictionary<string, IssueSeverity>(StringComparer.Ordinal);
        foreach (var issue in HeaderIssues(plan.Columns))
        {
            Add(counts, severity, issue.Rule, 1, issue.Severity);
        }
        var errorValues = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var columns = plan.DistinctColumns.ToList();
        if (columns.Count > 0)
        {
            source.Query(EngineValidationPlan.Distinct([.. columns.Select(c => c.Name)]), r =>
            {
                var j = Enumerable.Range(0, columns.Count).First(j => EngineEpisodes.Count(r, columns.Count + j) == 0);
                var (name, spec) = columns[j];
                var n = EngineEpisodes.Count(r, 2 * columns.Count);
                var value = r.IsDBNull(j) ? null : Convert.ToString(r.GetValue(j), System.Globalization.CultureInfo.InvariantCulture);
                var bad = errorValues.TryGetValue(name, out var list) ? list : errorValues[name] = [];
                foreach (var (rule, times, level) in EngineCellCheck.Check(spec, value))
                {
                    Add(counts, severity, rule, times * n, level);
                    if (level == IssueSeverity.Error && value is not null && !bad.Contains(value))
                    {
                        bad.Add(value);
                    }
                }
            });
        }
        var row = plan.RowStatement(errorValues);
        long read = 0, excluded = 0, clients = 0, clinics = 0;
        source.Query(row.Sql, r =>
        {
            (read, excluded, clients, clinics) = (EngineEpisodes.Count(r, 0), EngineEpisodes.Count(r, 1), EngineEpisodes.Count(r, 2), EngineEpisodes.Count(r, 3));
            for (var i = 0; i < row.Rules.Count; i++)
            {
                Add(counts, severity, row.Rules[i].Rule, EngineEpisodes.Count(r, 4 + i), row.Rules[i].Severity);
            }
        });
        if (read == 0)
        {
            Add(counts, severity, ValidationRules.HeaderOnly, 1, IssueSeverity.Error);
        }
        return new EngineValidationReport(source.Description, read, excluded, clients, clinics,
            counts.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), severity);
    }

    /// <summary>The statements (after the header check), in portable SQL over <see cref="SqlSource.Relation"/>; the row statement lists no values.</summary>
    public static IReadOnlyList<string> Statements(SqlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var plan = EngineValidationPlan.Create(source);
        var columns = plan.DistinctColumns.Select(c => c.Name).ToList();
        return [.. columns.Count > 0 ? [EngineValidationPlan.Distinct(columns)] : Array.Empty<string>(), plan.RowStatement(new Dictionary<string, List<string>>()).Sql];
    }

    private static void Add(Dictionary<string, long> counts, Dictionary<string, IssueSeverity> severity, string rule, long n, IssueSeverity level)
    {
        counts[rule] = counts.GetValueOrDefault(rule) + n;
        severity[rule] = level;
    }

    /// <summary>The in-memory validator's header rules, run on the column names and no rows.</summary>
    private static IEnumerable<ValidationIssue> HeaderIssues(IReadOnlyList<string> columns)
    {
        var table = new ColumnTable(0, []);
        foreach (var name in columns)
        {
            table.Add(new TextColumn(name, []));
        }
        return SessionValidator.Validate(table, "header").Issues.Where(i => HeaderRules.Contains(i.Rule));
    }
}
