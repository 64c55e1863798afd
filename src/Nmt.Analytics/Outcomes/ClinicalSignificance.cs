using Nmt.Analytics.Data;
using Nmt.Analytics.Privacy;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// How many clients got reliably and meaningfully better: each client's episode (last pain_post − first pain_pre) is
/// classified by the Jacobson–Truax reliable change index, as recovered (reliable improvement ending at or below the
/// cut-off) and as an MCID responder, then counted per group with small-cell suppression (<see cref="LinkedCellSuppression"/>).
/// </summary>
public static class ClinicalSignificance
{
    /// <summary>Grouping names accepted besides episode-table columns: <c>clinic</c> → clinic_id, <c>technique</c> → main_technique.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["clinic"] = SessionColumns.ClinicId,
        ["technique"] = EpisodeTable.MainTechnique,
    };

    /// <summary>Classifies the episodes of <paramref name="sessions"/>, overall and by each grouping in <paramref name="by"/>.</summary>
    /// <exception cref="NmtInputException">A grouping that is not a text column of the episode table.</exception>
    public static ClinicalResult Classify(ColumnTable sessions, IReadOnlyList<string> by, ClinicalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(by);
        options ??= ClinicalOptions.Default;
        var episodes = EpisodeTable.Build(sessions, options.Mcid);
        var classes = Classes(episodes.Episodes, options);
        var groups = new List<(string Group, string Level, int[] Rows)> { ("all", "all", Enumerable.Range(0, episodes.Episodes.RowCount).ToArray()) };
        foreach (var name in by)
        {
            groups.AddRange(Levels(episodes.Episodes, name).Select(l => (name, l.Level, l.Rows)));
        }
        return new ClinicalResult(Suppress(groups, classes, options.MinClients), options, episodes.Exclusions);
    }

    /// <summary>Per client: the five class indicators in the order of <see cref="ClinicalCounts.ClassNames"/>.</summary>
    private static bool[][] Classes(ColumnTable episodes, ClinicalOptions options)
    {
        var change = episodes.Numeric("episode_change").Values;
        var last = episodes.Numeric("last_pain_post").Values;
        var responder = episodes.Numeric("responder").Values;
        return change.Select((c, i) =>
        {
            var cls = ReliableChange.Classify(c, options.Sem.Value, options.Critical.Value);
            var improved = cls == ReliableChangeClass.ReliableImprovement;
            return new[]
            {
                improved, cls == ReliableChangeClass.NoReliableChange, cls == ReliableChangeClass.ReliableDeterioration,
                improved && last[i] <= options.RecoveryCutoff.Value + 1e-9, responder[i] == 1,
            };
        }).ToArray();
    }

    private static IEnumerable<(string Level, int[] Rows)> Levels(ColumnTable episodes, string name)
    {
        var column = Aliases.GetValueOrDefault(name, name);
        if (!episodes.TryGetColumn(column, out var c) || c is not TextColumn text)
        {
            throw new NmtInputException($"--by {name}: the clinical classification groups by a categorical client-level column " +
                $"(region, clinic, technique = the episode's main technique, or a baseline column such as sex or condition); '{column}' is not one.");
        }
        return Enumerable.Range(0, text.Length).Where(r => text[r] is not null)
            .GroupBy(r => text[r]!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToArray()));
    }

    /// <summary>Counts every cell, states how they add up, and withholds small and derivable counts.</summary>
    private static List<ClinicalCounts> Suppress(List<(string Group, string Level, int[] Rows)> groups, bool[][] classes, int min)
    {
        var audit = new LinkedCellSuppression(min);
        var ids = groups.Select(g => Register(audit, g.Rows, classes)).ToList();
        foreach (var group in groups.Skip(1).Select((g, i) => (g.Group, Index: i + 1)).GroupBy(g => g.Group, g => g.Index))
        {
            var covered = group.SelectMany(i => groups[i].Rows).ToHashSet();
            var missing = groups[0].Rows.Where(r => !covered.Contains(r)).ToArray();
            for (var k = 0; k < 6; k++)
            {
                var parts = group.Select(i => ids[i][k]).ToList();
                if (missing.Length > 0)
                {
                    parts.Add(audit.Hidden(k == 0 ? missing.Length : missing.Count(r => classes[r][k - 1])));
                }
                audit.Relate(ids[0][k], [.. parts]);
            }
        }
        audit.Run();
        return groups.Select((g, i) => Counts(g.Group, g.Level, ids[i].Select(audit.Published).ToArray())).ToList();
    }

    /// <summary>n, then the five classes; rows add up (n = improvement + no change + deterioration, and the complements are hidden).</summary>
    private static int[] Register(LinkedCellSuppression audit, int[] rows, bool[][] classes)
    {
        var counts = Enumerable.Range(0, 5).Select(k => rows.Count(r => classes[r][k])).ToArray();
        var ids = new[] { audit.Count(rows.Length) }.Concat(counts.Select(audit.Count)).ToArray();
        audit.Relate(ids[0], ids[1], ids[2], ids[3]);
        audit.Relate(ids[1], ids[4], audit.Hidden(counts[0] - counts[3]));
        audit.Relate(ids[0], ids[5], audit.Hidden(rows.Length - counts[4]));
        audit.Row(ids[0], ids[1..]);
        return ids;
    }

    private static ClinicalCounts Counts(string group, string level, int?[] c) => new(group, level, c[0], c[1], c[2], c[3], c[4], c[5]);
}
