namespace Nmt.Analytics.Engines;

/// <summary>
/// Merges summaries of disjoint sets of rows (shards, or sites that cannot pool rows) exactly: every statistic is a
/// sum over rows, so the merged summary is the one of the pooled rows. Cells with the same key (a client whose
/// sessions lie in two shards) add up.
/// </summary>
public static class SummaryMerge
{
    /// <summary>Reads summary files (<see cref="SummaryFile.Read"/>) and merges them for a fit of <paramref name="formula"/>.</summary>
    /// <exception cref="NmtInputException">The files do not merge, or were computed for another formula.</exception>
    public static SufficientStatistics ReadFor(IReadOnlyList<string> paths, string formula)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var statistics = Merge([.. paths.Select(SummaryFile.Read)]);
        var asked = Formulas.Formula.Parse(formula).ToString();
        if (asked != statistics.Formula)
        {
            throw new NmtInputException($"the summaries were computed for '{statistics.Formula}', not '{asked}'.");
        }
        return statistics;
    }

    /// <summary>Adds the summaries up.</summary>
    /// <exception cref="NmtInputException">Summaries of different schema versions, formulas, design columns (e.g. other factor levels) or grouping, or some with cells and some without.</exception>
    public static SufficientStatistics Merge(IReadOnlyList<SufficientStatistics> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new NmtInputException("no summaries to merge.");
        }
        var first = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            CheckCompatible(first, parts[i], i + 1);
        }
        int p = first.P, r = first.R;
        var xtx = new double[p * p];
        var xty = new double[p];
        var exclusions = new Dictionary<string, long>(StringComparer.Ordinal);
        double yty = 0;
        long n = 0, read = 0;
        foreach (var part in parts)
        {
            Add(xtx, part.XtX);
            Add(xty, part.Xty);
            yty += part.Yty;
            n += part.N;
            read += part.RowsRead;
            foreach (var e in part.Exclusions)
            {
                exclusions[e.Reason] = exclusions.GetValueOrDefault(e.Reason) + e.Count;
            }
        }
        var totals = new SufficientStatistics
        {
            Formula = first.Formula,
            ResponseName = first.ResponseName,
            FixedNames = first.FixedNames,
            Blocks = first.Blocks,
            CellVariables = first.CellVariables,
            CellVariableIsNumeric = first.CellVariableIsNumeric,
            RowsRead = read,
            Exclusions = [.. exclusions.Select(kv => new ExclusionCount(kv.Key, kv.Value))],
            N = n,
            XtX = xtx,
            Xty = xty,
            Yty = yty,
        };
        return first.HasCells ? MergeCells(totals, parts, p, r) : totals;
    }

    private static SufficientStatistics MergeCells(SufficientStatistics totals, IReadOnlyList<SufficientStatistics> parts, int p, int r)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string[]>();
        var counts = new List<long>();
        var clients = new List<long>();
        var ztz = new List<double>();
        var ztx = new List<double>();
        var zty = new List<double>();
        foreach (var part in parts)
        {
            for (var c = 0; c < part.CellKeys.Count; c++)
            {
                var key = string.Join('\u001f', part.CellKeys[c]);
                if (!index.TryGetValue(key, out var at))
                {
                    at = keys.Count;
                    index[key] = at;
                    keys.Add(part.CellKeys[c]);
                    counts.Add(0);
                    clients.Add(0);
                    ztz.AddRange(new double[r * r]);
                    ztx.AddRange(new double[r * p]);
                    zty.AddRange(new double[r]);
                }
                counts[at] += part.CellCounts[c];
                clients[at] += part.ClientsIn(c);
                AddAt(ztz, at * r * r, part.CellZtZ.AsSpan(c * r * r, r * r));
                AddAt(ztx, at * r * p, part.CellZtX.AsSpan(c * r * p, r * p));
                AddAt(zty, at * r, part.CellZty.AsSpan(c * r, r));
            }
        }
        // Clients add up exactly when no client has rows in two parts; otherwise the sum is an upper bound.
        return totals.WithCells(keys, [.. counts], [.. ztz], [.. ztx], [.. zty], parts.All(p => p.CellClients.Length > 0) ? [.. clients] : null);
    }

    private static void CheckCompatible(SufficientStatistics a, SufficientStatistics b, int number)
    {
        string? problem =
            a.SchemaVersion != b.SchemaVersion ? $"schema version {b.SchemaVersion}, not {a.SchemaVersion}"
            : a.Formula != b.Formula ? $"the formula '{b.Formula}', not '{a.Formula}'"
            : !a.FixedNames.SequenceEqual(b.FixedNames) ? $"the design columns {string.Join(", ", b.FixedNames)}, not {string.Join(", ", a.FixedNames)} (a factor's levels differ: compute every part with the same levels)"
            : !a.CellVariables.SequenceEqual(b.CellVariables) || !a.Blocks.Select(Describe).SequenceEqual(b.Blocks.Select(Describe)) ? "other random-effects terms"
            : a.HasCells != b.HasCells ? (b.HasCells ? "per-group cells, the first only totals" : "totals only, the first per-group cells")
            : null;
        if (problem is not null)
        {
            throw new NmtInputException($"cannot merge the summaries: summary {number} was computed with {problem}.");
        }
    }

    private static string Describe(SummaryBlock block) => block.Group + "|" + string.Join(",", block.Variables) + "|" + string.Join(",", block.Terms);

    private static void Add(double[] target, double[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private static void AddAt(List<double> target, int offset, ReadOnlySpan<double> source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[offset + i] += source[i];
        }
    }
}
