using Npgsql;

namespace Nmt.Analytics.Engines;

/// <summary>Rows in a PostgreSQL table (through Npgsql): the server runs the pass, only the summaries travel.</summary>
public sealed class PostgresSource : SqlSource
{
    private PostgresSource(NpgsqlConnection connection, string description)
        : base(connection, description)
    {
    }

    /// <summary>Connects with <paramref name="connectionString"/> (Npgsql syntax) and reads <paramref name="table"/> (optionally <c>schema.table</c>).</summary>
    /// <exception cref="NmtInputException">The server cannot be reached, or the table does not exist.</exception>
    public static PostgresSource Open(string connectionString, string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        NpgsqlConnection connection;
        try
        {
            connection = new NpgsqlConnection(connectionString);
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            throw new NmtInputException($"cannot connect to PostgreSQL ({e.Message.Split('\n')[0]}); check --connection.", e);
        }
        var source = new PostgresSource(connection, $"PostgreSQL table {table}");
        try
        {
            source.DefineRelation(string.Join(".", table.Split('.').Select(SqlText.Identifier)));
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    protected override bool IsEngineError(Exception exception) => exception is NpgsqlException;
}
