using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Privacy;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Outcomes;

/// <summary>The clinical-significance classification: counts per group and level, the thresholds used, and the clients left out.</summary>
/// <param name="Cells">One row per group and level; <c>all</c>/<c>all</c> first.</param>
/// <param name="Options">The thresholds and suppression rule applied.</param>
/// <param name="Exclusions">Sessions or clients without a computable episode, with reasons.</param>
public sealed record ClinicalResult(IReadOnlyList<ClinicalCounts> Cells, ClinicalOptions Options, IReadOnlyList<RowExclusion> Exclusions)
{
    /// <summary>The two output tables: <see cref="Table"/> then <see cref="ThresholdTable"/>.</summary>
    public IReadOnlyList<ResultTable> Tables() => [Table(), ThresholdTable()];

    /// <summary>The JSON result: <c>clinical</c> (the tidy table) and <c>thresholds</c>.</summary>
    public JsonObject ToJson() => new() { ["clinical"] = Table().ToJsonArray(), ["thresholds"] = ThresholdTable().ToJsonArray() };

    /// <summary>
    /// The tidy table (JSON key <c>clinical</c>): group, level, n_clients, the five counts, then a Wilson CI for each
    /// count's proportion (<c>reliable_improvement_ci_low</c>, …); withheld figures are null.
    /// </summary>
    public ResultTable Table()
    {
        var columns = new List<string> { "group", "level", "n_clients" };
        columns.AddRange(ClinicalCounts.ClassNames);
        columns.AddRange(ClinicalCounts.ClassNames.SelectMany(c => new[] { c + "_ci_low", c + "_ci_high" }));
        var table = new ResultTable("Clinical significance", [.. columns]);
        foreach (var cell in Cells)
        {
            var row = new List<object?> { cell.Group, cell.Level, cell.NClients };
            row.AddRange(cell.ClassCounts.Select(c => (object?)c));
            for (var k = 0; k < ClinicalCounts.ClassNames.Count; k++)
            {
                var ci = cell.Interval(k, Options.Confidence);
                row.Add(ci?.Low);
                row.Add(ci?.High);
            }
            table.AddRow([.. row]);
        }
        foreach (var note in Notes())
        {
            table.AddNote(note);
        }
        return table;
    }

    /// <summary>The thresholds table (JSON key <c>thresholds</c>): name, value, unit, direction, source, population.</summary>
    public ResultTable ThresholdTable()
    {
        var table = new ResultTable("Thresholds", "name", "value", "unit", "direction", "source", "population");
        foreach (var t in Options.Thresholds())
        {
            table.AddRow(t.Name, t.Value, t.Unit, t.Direction == ImprovementDirection.Decrease ? "decrease" : "increase", t.Source, t.Population);
        }
        return table;
    }

    private IEnumerable<string> Notes()
    {
        yield return "Episode change = last pain_post - first pain_pre; RCI = change / (sqrt(2) x SEM) (Jacobson & Truax 1991).";
        yield return "recovered = reliable improvement and last pain_post <= recovery_cutoff; responders = MCID rule (points AND percent).";
        yield return $"Counts of 1-{Options.MinClients - 1} clients, and counts that would reveal one by subtraction, are withheld (null).";
        foreach (var group in Exclusions.GroupBy(e => ExclusionReasons.WithoutClient(e.Reason), StringComparer.Ordinal))
        {
            yield return $"Excluded {LinkedCellSuppression.Format(group.Count(), Options.MinClients)}: {group.Key}.";
        }
    }
}
