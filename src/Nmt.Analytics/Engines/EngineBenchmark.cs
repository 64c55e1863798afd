using System.Data.Common;
using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Privacy;

namespace Nmt.Analytics.Engines;

/// <summary>
/// <c>nmt benchmark --engine</c>: the clinic benchmark of <see cref="ClinicBenchmark"/> with the pass over the rows in
/// an engine. The engine reduces sessions to episodes (<see cref="EngineEpisodes"/>) and returns, per clinic, the
/// episode counts by exclusion reason and the case-mix sums n, Σx, Σy, yᵀy, XᵀX, Xᵀy over a design holding every
/// level present in the source. nmt then applies the small-clinic suppression (<see cref="CellSuppression"/>) to
/// those per-clinic counts, keeps the design columns observed in the clinics shown, adds their sums into the model's
/// cross-products and runs the same comparison as in memory (<see cref="ClinicBenchmark.Compare"/>).
/// </summary>
public static class EngineBenchmark
{
    /// <summary>Benchmarks the clinics of <paramref name="source"/>, optionally against shared summaries of other clinics.</summary>
    /// <exception cref="NmtInputException">Missing columns, no usable episode, fewer than two clinics, or an engine error.</exception>
    public static EngineBenchmarkResult Run(SqlSource source, BenchmarkOptions options, IReadOnlyList<BenchmarkSummary>? references = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var plan = Plan(source, options);
        var (read, unplaceable, clinicsSeen) = Sessions(source);
        var rows = PerClinic(source, plan);
        var exclusions = Exclusions(unplaceable, rows, options);
        var usable = clinicsSeen.Concat(rows.Keys.OfType<string>()).Distinct(StringComparer.Ordinal)
            .ToDictionary(c => c, c => rows.TryGetValue(c, out var r) ? r.N : 0L, StringComparer.Ordinal);
        var notes = usable.Where(kv => kv.Value == 0).Select(kv => kv.Key).Order(StringComparer.Ordinal)
            .Select(c => $"clinic {c} has no complete episodes (see the exclusions), so it cannot be benchmarked.").ToList();
        if (usable.Values.All(n => n == 0))
        {
            throw new NmtInputException($"no complete episodes with a defined {options.Outcome.Name()}; nothing to benchmark ({exclusions.Sum(e => e.Count)} exclusion(s), e.g. '{exclusions.FirstOrDefault()?.Reason}').");
        }
        var hidden = CellSuppression.Suppress(usable, options.MinClients);
        var large = usable.Where(kv => kv.Value >= options.MinClients && !hidden.Contains(kv.Key)).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var (design, keep) = Observed(plan, large.Select(c => rows[c]).ToList());
        var clinics = large.Select(c => new ClinicTotals(c, rows[c].N, [.. keep.Select(j => rows[c].SumX[j])], rows[c].SumY, design, "local")).ToList();
        var blocks = new List<CaseMixBlock> { new(Model(large.Select(c => rows[c]), keep), design, "local") };
        var suppressed = usable.Keys.Except(large).Order(StringComparer.Ordinal).Select(id => ClinicResult.Suppressed(id, "local")).ToList();
        foreach (var summary in references ?? [])
        {
            summary.CheckCompatible(options);
            blocks.Add(summary.Model);
            clinics.AddRange(summary.Clinics);
        }
        ClinicBenchmark.CheckDistinct(clinics.Select(c => (c.ClinicId, c.Source)).Concat(suppressed.Select(c => (c.ClinicId, c.Source))));
        var result = ClinicBenchmark.Compare(blocks, clinics, suppressed, options, [], notes);
        return new EngineBenchmarkResult(result, read, unplaceable.NoClient + unplaceable.NoSession + rows.Values.Sum(r => r.ExcludedRows), exclusions);
    }

    /// <summary>The statements, in portable SQL over <see cref="SqlSource.Relation"/> (after the passes that find the covariate levels).</summary>
    public static IReadOnlyList<string> Statements(SqlSource source, BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return [EngineEpisodes.Unplaceable(SessionColumns.ClinicId), Plan(source, options).Sql];
    }

    /// <summary>The design over every level in the source, each column's SQL, and the per-clinic statement.</summary>
    private sealed record BenchmarkPlan(List<CaseMixColumn> Columns, List<string?> Expressions, List<(int I, int J)> Products, string Sql);

    /// <summary>One clinic's (or the NULL clinic's) row of the per-clinic statement.</summary>
    private sealed record ClinicRow(long Episodes, long NoFirstPre, long NoLastPost, long ZeroFirstPre, long N, double SumY, double Yty, double[] SumX, double[,] XtX, double[] Xty)
    {
        /// <summary>Rows excluded, each counted once (in memory an episode's exclusions at its first row share that row).</summary>
        public long ExcludedRows { get; init; }
    }

    private static BenchmarkPlan Plan(SqlSource source, BenchmarkOptions options)
    {
        var episodes = new EngineEpisodes(source.Columns);
        if (!episodes.Has(SessionColumns.ClinicId))
        {
            throw new NmtInputException($"the source has no '{SessionColumns.ClinicId}' column; benchmarking compares clinics.");
        }
        var stress = episodes.IsNumeric(SessionColumns.Stress);
        var columns = new List<CaseMixColumn> { new(CaseMixDesign.Intercept, null) };
        var sql = new List<string?> { null, "first_pre", "n_sessions", stress ? "CASE WHEN \"stress\" IS NULL THEN 0 ELSE \"stress\" END" : "0", stress ? "CASE WHEN \"stress\" IS NULL THEN 1 ELSE 0 END" : "1" };
        columns.AddRange(CaseMixDesign.Numerics.Select(n => new CaseMixColumn(n, null)));
        foreach (var factor in CaseMixDesign.Factors)
        {
            foreach (var level in Levels(source, episodes, factor))
            {
                columns.Add(new CaseMixColumn(factor, level));
                sql.Add($"CASE WHEN {episodes.LevelTest(factor, level)} THEN 1 ELSE 0 END");
            }
            columns.Add(new CaseMixColumn(factor, CaseMixColumn.MissingLevel));
            sql.Add(episodes.Has(factor) ? $"CASE WHEN {SqlText.Identifier(factor)} IS NULL THEN 1 ELSE 0 END" : "1");
        }
        var products = new List<(int, int)>();
        for (var i = 1; i < columns.Count; i++)
        {
            for (var j = i; j < columns.Count; j++)
            {
                if (columns[i].Level is null || columns[j].Level is null || columns[i].Variable != columns[j].Variable)
                {
                    products.Add((i, j));
                }
            }
        }
        var carried = new[] { SessionColumns.ClinicId }.Concat(stress ? [SessionColumns.Stress] : []).Concat(CaseMixDesign.Factors);
        var y = options.Outcome == BenchmarkOutcome.Responder ? EngineEpisodes.Responder(options.Criteria) : "change";
        var design = string.Join(", ", sql.Select((e, j) => e is null ? null : $"CASE WHEN y IS NULL THEN NULL ELSE {SqlText.Double(e)} END AS x{j}").OfType<string>());
        var sums = new List<string>
        {
            "clinic", "COUNT(*) AS episodes", "COUNT(CASE WHEN first_pre IS NULL THEN 1 END) AS no_first_pre",
            "COUNT(CASE WHEN first_pre IS NOT NULL AND last_post IS NULL THEN 1 END) AS no_last_post",
            "COUNT(CASE WHEN first_pre = 0 AND last_post IS NOT NULL THEN 1 END) AS zero_first_pre",
            "COUNT(y) AS n", "SUM(y) AS y", "SUM(y * y) AS y_y",
            "COUNT(CASE WHEN first_pre IS NOT NULL AND last_post IS NOT NULL AND (first_pre = 0 OR y IS NULL OR clinic IS NULL) THEN 1 END) AS first_row_excluded",
        };
        sums.AddRange(Enumerable.Range(1, columns.Count - 1).Select(j => $"SUM(x{j}) AS x{j}"));
        sums.AddRange(products.Select(p => $"SUM(x{p.Item1} * x{p.Item2}) AS x{p.Item1}_x{p.Item2}"));
        sums.AddRange(Enumerable.Range(1, columns.Count - 1).Select(j => $"SUM(x{j} * y) AS x{j}_y"));
        var statement = episodes.With(carried)
            + $", nmt_y AS (SELECT nmt_episodes.*, {y} AS y FROM nmt_episodes)"
            + $", nmt_design AS (SELECT {SqlText.Identifier(SessionColumns.ClinicId)} AS clinic, first_pre, last_post, {SqlText.Double("y")} AS y, {design} FROM nmt_y)"
            + $" SELECT {string.Join(", ", sums)} FROM nmt_design GROUP BY clinic";
        return new BenchmarkPlan(columns, sql, products, statement);
    }

    /// <summary>The non-missing values of a covariate anywhere in the source (a superset of those the shown clinics' first sessions hold).</summary>
    private static List<string> Levels(SqlSource source, EngineEpisodes episodes, string factor)
    {
        var levels = new List<string>();
        if (episodes.Has(factor))
        {
            var column = SqlText.Identifier(factor);
            source.Query($"SELECT DISTINCT {column} FROM {SqlSource.Relation} WHERE {column} IS NOT NULL", r => levels.Add(EngineEpisodes.Key(r, 0)!));
        }
        return levels;
    }

    private static (long Read, (long NoClient, long NoSession) Unplaceable, List<string> Clinics) Sessions(SqlSource source)
    {
        long read = 0, noClient = 0, noSession = 0;
        var clinics = new List<string>();
        source.Query(EngineEpisodes.Unplaceable(SessionColumns.ClinicId), r =>
        {
            read += EngineEpisodes.Count(r, 1);
            noClient += EngineEpisodes.Count(r, 2);
            noSession += EngineEpisodes.Count(r, 3);
            if (EngineEpisodes.Key(r, 0) is { } clinic)
            {
                clinics.Add(clinic);
            }
        });
        return (read, (noClient, noSession), clinics);
    }

    private static Dictionary<string, ClinicRow> PerClinic(SqlSource source, BenchmarkPlan plan)
    {
        var rows = new Dictionary<string, ClinicRow>(StringComparer.Ordinal);
        var p = plan.Columns.Count;
        source.Query(plan.Sql, r => rows[EngineEpisodes.Key(r, 0) ?? NullClinic] = Read(r, plan, p));
        return rows;
    }

    /// <summary>Key of the episodes without a clinic (a value no clinic id can take: it holds a NUL character).</summary>
    private const string NullClinic = "\0";

    private static ClinicRow Read(DbDataReader r, BenchmarkPlan plan, int p)
    {
        var n = EngineEpisodes.Count(r, 5);
        var sumX = new double[p];
        sumX[0] = n;
        var c = 9;
        for (var j = 1; j < p; j++)
        {
            sumX[j] = EngineEpisodes.Number(r, c++);
        }
        var xtx = new double[p, p];
        for (var j = 0; j < p; j++)
        {
            xtx[0, j] = xtx[j, 0] = sumX[j];
            if (plan.Columns[j].Level is not null)
            {
                xtx[j, j] = sumX[j];
            }
        }
        foreach (var (i, j) in plan.Products)
        {
            xtx[i, j] = xtx[j, i] = EngineEpisodes.Number(r, c++);
        }
        var sumY = EngineEpisodes.Number(r, 6);
        var xty = new double[p];
        xty[0] = sumY;
        for (var j = 1; j < p; j++)
        {
            xty[j] = EngineEpisodes.Number(r, c++);
        }
        return new ClinicRow(EngineEpisodes.Count(r, 1), EngineEpisodes.Count(r, 2), EngineEpisodes.Count(r, 3), EngineEpisodes.Count(r, 4), n, sumY, EngineEpisodes.Number(r, 7), sumX, xtx, xty)
        {
            ExcludedRows = EngineEpisodes.Count(r, 2) + EngineEpisodes.Count(r, 3) + EngineEpisodes.Count(r, 8),
        };
    }

    /// <summary>The design of the shown clinics (intercept and numerics, and the levels their episodes hold) and its columns' indices in the plan.</summary>
    private static (CaseMixDesign Design, List<int> Keep) Observed(BenchmarkPlan plan, List<ClinicRow> shown)
    {
        var keep = Enumerable.Range(0, plan.Columns.Count).Where(j => plan.Columns[j].Level is null || shown.Any(c => c.SumX[j] > 0)).ToList();
        var design = CaseMixDesign.FromColumns(keep.Select(j => plan.Columns[j]));
        var order = design.Columns.Select(c => keep[keep.FindIndex(j => plan.Columns[j] == c)]).ToList();
        return (design, order);
    }

    private static CaseMixCrossProducts Model(IEnumerable<ClinicRow> shown, List<int> keep)
    {
        var p = keep.Count;
        var xtx = new double[p, p];
        var xty = new double[p];
        long n = 0;
        var yty = 0.0;
        foreach (var c in shown)
        {
            n += c.N;
            yty += c.Yty;
            for (var a = 0; a < p; a++)
            {
                xty[a] += c.Xty[keep[a]];
                for (var b = 0; b < p; b++)
                {
                    xtx[a, b] += c.XtX[keep[a], keep[b]];
                }
            }
        }
        return CaseMixCrossProducts.FromParts(n, xtx, xty, yty);
    }

    /// <summary>Sessions and episodes left out, counted by the in-memory reasons (clinic and client ids never named).</summary>
    private static List<ExclusionCount> Exclusions((long NoClient, long NoSession) unplaceable, Dictionary<string, ClinicRow> rows, BenchmarkOptions options)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [EngineEpisodes.Reasons.NoClient] = unplaceable.NoClient,
            [EngineEpisodes.Reasons.NoSession] = unplaceable.NoSession,
            [EngineEpisodes.Reasons.NoFirstPre] = rows.Values.Sum(c => c.NoFirstPre),
            [EngineEpisodes.Reasons.NoLastPost] = rows.Values.Sum(c => c.NoLastPost),
            [EngineEpisodes.Reasons.ZeroFirstPre] = rows.Values.Sum(c => c.ZeroFirstPre),
            ["missing clinic_id; episode cannot be attributed to a clinic"] = rows.TryGetValue(NullClinic, out var none) ? none.Episodes - none.NoFirstPre - none.NoLastPost : 0,
            [$"{options.Outcome.Name()} is undefined for this episode"] = rows.Where(kv => kv.Key != NullClinic).Sum(kv => kv.Value.Episodes - kv.Value.NoFirstPre - kv.Value.NoLastPost - kv.Value.N),
        };
        return [.. counts.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new ExclusionCount(kv.Key, kv.Value))];
    }
}
