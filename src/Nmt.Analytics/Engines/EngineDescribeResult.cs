using System.Text.Json.Nodes;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Engines;

/// <summary>
/// A description computed through an engine: the same tables as in memory, with the sessions left out counted by
/// reason (an engine knows no file lines).
/// </summary>
/// <param name="Result">The tables (its line-level exclusion list is empty).</param>
/// <param name="RowsRead">Session rows in the source.</param>
/// <param name="Exclusions">Sessions left out of the pain-change cells, by reason.</param>
public sealed record EngineDescribeResult(DescriptiveResult Result, long RowsRead, IReadOnlyList<ExclusionCount> Exclusions)
{
    /// <summary>Rows read minus the exclusions.</summary>
    public long RowsUsed => RowsRead - Exclusions.Sum(e => e.Count);

    /// <summary>The tables.</summary>
    public IReadOnlyList<ResultTable> Tables => Result.Tables;

    /// <summary>The in-memory JSON with <c>n_read</c>, <c>n_used</c> and <c>excluded_by_reason</c>.</summary>
    public JsonObject ToJson() => EngineRows.AddTo(Result.ToJson(), RowsRead, RowsUsed, Exclusions);

    /// <summary>The command output: the tables or JSON, the row account beside the tables.</summary>
    public ResultOutput Output() => new(ToJson, Tables) { TextMessages = [Summary()] };

    /// <summary>One line for standard error: rows read, used and left out by reason.</summary>
    public string Summary() => EngineRows.Note(RowsRead, RowsUsed, Exclusions);
}
