namespace Nmt.Analytics.Engines;

/// <summary>Opens the row source an <c>--engine</c> option names.</summary>
public static class SqlSources
{
    /// <summary>The engines <c>--engine</c> accepts.</summary>
    public static IReadOnlyList<string> Engines { get; } = ["duckdb", "postgres"];

    /// <summary>
    /// <c>duckdb</c>: <paramref name="data"/> is a CSV, a Parquet file or a folder of Parquet parts;
    /// <c>postgres</c>: <paramref name="data"/> is a table and <paramref name="connection"/> an Npgsql connection string.
    /// </summary>
    /// <exception cref="NmtInputException">An unknown engine, a missing connection string, or a source that cannot be opened.</exception>
    public static SqlSource Open(string engine, string data, string? connection)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        return engine switch
        {
            "postgres" => PostgresSource.Open(connection ?? throw new NmtInputException("--engine postgres needs --connection \"Host=...;Username=...;Database=...\"."), data),
            "duckdb" when connection is not null => throw new NmtInputException("--connection applies to --engine postgres only."),
            "duckdb" => DuckDbSource.Open(data),
            _ => throw new NmtInputException($"unknown engine '{engine}'; choose {string.Join(" or ", Engines)}."),
        };
    }
}
