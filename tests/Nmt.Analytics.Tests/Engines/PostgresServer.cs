using Npgsql;

namespace Nmt.Analytics.Tests.Engines;

/// <summary>
/// The PostgreSQL server of the engine tests: <c>NMT_TEST_POSTGRES</c> (a connection string; <c>.ci/run</c> starts a
/// local server and sets it), by default the local role and database <c>nmt</c> on 127.0.0.1.
/// </summary>
internal static class PostgresServer
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("NMT_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=nmt;Password=nmt;Database=nmt;Timeout=3";

    public static bool Available { get; } = Probe();

    private static bool Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Creates (or replaces) <paramref name="table"/> with the columns and rows of a CSV, typed as DuckDB reads them.</summary>
    public static void Load(string table, string csv, IReadOnlyList<Analytics.Engines.SourceColumn> columns)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (" +
                string.Join(", ", columns.Select(c => $"\"{c.Name}\" {(c.IsNumeric ? "double precision" : "text")}")) + ")";
            command.ExecuteNonQuery();
        }
        using var writer = connection.BeginTextImport($"COPY {table} FROM STDIN (FORMAT csv, HEADER true, NULL '')");
        foreach (var line in File.ReadLines(csv).Select(l => l))
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }
}

/// <summary>A test that needs the PostgreSQL server: skipped without it, except under CI (CI=true), where it must run and fails.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.Available && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "no PostgreSQL server (set NMT_TEST_POSTGRES, or run .ci/run which starts one)";
        }
    }
}
