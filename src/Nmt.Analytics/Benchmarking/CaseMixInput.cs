using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Privacy;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// Episodes turned into per-clinic case-mix statistics. Clinics below the minimum size are kept only as
/// suppressed ids: their rows enter no statistic, so no total or model can be differenced to reveal them.
/// </summary>
/// <param name="Model">Cross-products of every episode of the clinics with at least the minimum number of clients.</param>
/// <param name="Clinics">Totals of those clinics.</param>
/// <param name="Suppressed">Ids of clinics below the minimum (including clinics with no usable episode).</param>
/// <param name="Exclusions">Sessions and episodes left out, with reasons.</param>
/// <param name="Notes">Plain-language notes (e.g. a clinic with no complete episodes).</param>
public sealed record CaseMixInput(CaseMixBlock Model, IReadOnlyList<ClinicTotals> Clinics, IReadOnlyList<string> Suppressed,
    IReadOnlyList<RowExclusion> Exclusions, IReadOnlyList<string> Notes)
{
    /// <summary>Builds the per-clinic statistics of a session table.</summary>
    /// <exception cref="NmtInputException">No clinic_id column, or no usable episode at all.</exception>
    public static CaseMixInput FromSessions(ColumnTable sessions, BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!sessions.Contains(SessionColumns.ClinicId))
        {
            throw sessions.UnknownColumn(SessionColumns.ClinicId);
        }
        var episodes = EpisodeTable.Build(sessions, options.Criteria);
        var exclusions = episodes.Exclusions.ToList();
        var table = episodes.Episodes;
        var y = table.Numeric(options.Outcome.Name());
        var clinicColumn = table[SessionColumns.ClinicId];
        var usable = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var row = 0; row < table.RowCount; row++)
        {
            var clinic = CellKey.Of(clinicColumn, row);
            if (clinic is null)
            {
                exclusions.Add(new RowExclusion(table.SourceLines[row], "missing clinic_id; episode cannot be attributed to a clinic"));
            }
            else if (double.IsNaN(y[row]))
            {
                exclusions.Add(new RowExclusion(table.SourceLines[row], $"clinic {clinic}: {options.Outcome.Name()} is undefined for this episode"));
                usable.TryAdd(clinic, []);
            }
            else
            {
                (usable.TryGetValue(clinic, out var rows) ? rows : usable[clinic] = []).Add(row);
            }
        }
        var notes = new List<string>();
        foreach (var clinic in SessionClinics(sessions).Where(c => !usable.ContainsKey(c) || usable[c].Count == 0))
        {
            notes.Add($"clinic {clinic} has no complete episodes (see the exclusions), so it cannot be benchmarked.");
            usable.TryAdd(clinic, []);
        }
        if (usable.Values.All(r => r.Count == 0))
        {
            throw new NmtInputException($"no complete episodes with a defined {options.Outcome.Name()}; nothing to benchmark ({exclusions.Count} exclusion(s), e.g. '{exclusions.FirstOrDefault()?.Reason}').");
        }
        // Small clinics and their complements (CMS rule): no suppressed clinic follows from the totals and the others.
        var hidden = CellSuppression.Suppress(usable.ToDictionary(kv => kv.Key, kv => (long)kv.Value.Count, StringComparer.Ordinal), options.MinClients);
        var large = usable.Where(kv => kv.Value.Count >= options.MinClients && !hidden.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var design = CaseMixDesign.Observe(table.Take(large.SelectMany(kv => kv.Value).ToArray()));
        var clinics = large.Select(kv => Totals(kv.Key, table, kv.Value, y, design)).ToList();
        var model = new CaseMixBlock(Statistics(table, large.SelectMany(kv => kv.Value).ToList(), y, design), design, "local");
        var suppressed = usable.Keys.Except(large.Select(kv => kv.Key)).Order(StringComparer.Ordinal).ToList();
        return new CaseMixInput(model, clinics, suppressed, exclusions, notes);
    }

    private static CaseMixCrossProducts Statistics(ColumnTable table, List<int> rows, NumericColumn y, CaseMixDesign design)
    {
        if (rows.Count == 0)
        {
            return CaseMixCrossProducts.Empty(design.Dimension);
        }
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(rows.Select(r => design.Row(table, r)));
        var v = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfEnumerable(rows.Select(r => y[r]));
        return CaseMixCrossProducts.FromRows(x, v);
    }

    private static ClinicTotals Totals(string clinic, ColumnTable table, List<int> rows, NumericColumn y, CaseMixDesign design)
    {
        var sum = new double[design.Dimension];
        foreach (var row in rows)
        {
            var x = design.Row(table, row);
            for (var j = 0; j < sum.Length; j++)
            {
                sum[j] += x[j];
            }
        }
        return new ClinicTotals(clinic, rows.Count, sum, rows.Sum(r => y[r]), design, "local");
    }

    private static IEnumerable<string> SessionClinics(ColumnTable sessions)
    {
        var column = sessions[SessionColumns.ClinicId];
        return Enumerable.Range(0, sessions.RowCount).Select(r => CellKey.Of(column, r)).OfType<string>().Distinct(StringComparer.Ordinal);
    }
}
