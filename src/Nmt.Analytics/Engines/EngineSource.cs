using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Engines;

/// <summary>
/// <c>--engine duckdb|postgres [--connection …] [--show-sql]</c> of <c>validate</c>, <c>describe</c> and <c>benchmark</c>:
/// where the rows are read (<see cref="SqlSources.Open"/>) and whether only the SQL is shown.
/// </summary>
/// <param name="Engine"><c>duckdb</c> or <c>postgres</c>.</param>
/// <param name="Connection">PostgreSQL connection string (Npgsql syntax), for <c>postgres</c>.</param>
/// <param name="ShowSql">Only show the generated statements.</param>
public sealed record EngineSource(string Engine, string? Connection = null, bool ShowSql = false)
{
    /// <summary>Opens DATA of <paramref name="data"/> in the engine; the statements with <see cref="ShowSql"/>, else what <paramref name="run"/> returns.</summary>
    /// <exception cref="NmtInputException">--demo, no DATA, or a source the engine cannot open.</exception>
    public ResultOutput Run(DataSource data, Func<SqlSource, IReadOnlyList<string>> statements, Func<SqlSource, ResultOutput> run)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(run);
        if (data.Demo)
        {
            throw new NmtInputException("--engine reads DATA where it lives; --demo is in memory only.");
        }
        var path = data.Path ?? throw new NmtInputException("--engine needs DATA: a CSV, Parquet file or folder of Parquet parts (duckdb), or a table name (postgres).");
        using var source = SqlSources.Open(Engine, path, Connection);
        return ShowSql ? ResultOutput.PlainText(string.Join(";\n\n", statements(source)) + ";") : run(source);
    }
}
