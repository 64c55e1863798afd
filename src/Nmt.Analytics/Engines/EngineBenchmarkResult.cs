using System.Text.Json.Nodes;
using Nmt.Analytics.Benchmarking;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Engines;

/// <summary>
/// A benchmark computed through an engine: the same <see cref="BenchmarkResult"/> as in memory, with the sessions
/// and episodes left out counted by reason (an engine knows no file lines).
/// </summary>
/// <param name="Result">The benchmark (its line-level exclusion list is empty).</param>
/// <param name="RowsRead">Session rows in the source.</param>
/// <param name="ExcludedRows">Session rows left out, each counted once (an episode's reasons at its first session share that row, as in memory).</param>
/// <param name="Exclusions">Sessions and episodes left out, by reason, as the in-memory benchmark words them.</param>
public sealed record EngineBenchmarkResult(BenchmarkResult Result, long RowsRead, long ExcludedRows, IReadOnlyList<ExclusionCount> Exclusions)
{
    /// <summary>Rows read minus the rows excluded, as the in-memory accounting counts them.</summary>
    public long RowsUsed => RowsRead - ExcludedRows;

    /// <summary>The benchmark JSON with <c>exclusions</c> from the engine's counts, and <c>n_read</c>, <c>n_used</c>, <c>excluded_by_reason</c>.</summary>
    public JsonObject ToJson()
    {
        var json = Result.ToJson();
        json["exclusions"] = ExclusionTable().ToJsonArray();
        return EngineRows.AddTo(json, RowsRead, RowsUsed, Exclusions);
    }

    /// <summary>The in-memory benchmark's tables, the exclusions counted by the engine.</summary>
    public IReadOnlyList<ResultTable> Tables() => [.. Result.Tables().SkipLast(1), ExclusionTable()];

    /// <summary>The command output: the tables or JSON, the row account beside the tables.</summary>
    public ResultOutput Output() => new(ToJson, Tables()) { TextMessages = [Summary()] };

    /// <summary>One line for standard error: rows read, used and left out by reason.</summary>
    public string Summary() => EngineRows.Note(RowsRead, RowsUsed, Exclusions);

    private ResultTable ExclusionTable()
    {
        var table = new ResultTable("Exclusions", "reason", "count");
        foreach (var e in Exclusions)
        {
            table.AddRow(e.Reason, e.Count);
        }
        return table;
    }
}
