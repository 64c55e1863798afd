using System.Data.Common;

namespace Nmt.Analytics.Engines;

/// <summary>
/// Rows held by a SQL engine, visible to the generated SQL as the relation <c>nmt_rows</c> (a temporary view over
/// files or a table, with the derived <c>pain_change</c> = <c>pain_post − pain_pre</c> when the source has both).
/// The engine runs the one pass over the rows; only the summaries come back.
/// </summary>
public abstract class SqlSource : IDisposable
{
    /// <summary>The relation every generated statement reads.</summary>
    public const string Relation = "nmt_rows";

    private readonly DbConnection _connection;
    private List<SourceColumn>? _columns;

    /// <summary>Wraps an open connection on which <see cref="Relation"/> is defined by <see cref="DefineRelation"/>.</summary>
    protected SqlSource(DbConnection connection, string description)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        Description = description;
    }

    /// <summary>What the rows are, for messages (e.g. <c>DuckDB over /data/parts (Parquet)</c>).</summary>
    public string Description { get; }

    /// <summary>The columns of <see cref="Relation"/> and whether each is numeric.</summary>
    public IReadOnlyList<SourceColumn> Columns => _columns ??= ReadColumns();

    /// <summary>Creates <see cref="Relation"/> as a temporary view over <paramref name="source"/> (a FROM-clause item).</summary>
    protected void DefineRelation(string source)
    {
        var names = ColumnNames(source);
        var derived = names.Contains("pain_post") && names.Contains("pain_pre") && !names.Contains("pain_change")
            ? ", \"pain_post\" - \"pain_pre\" AS \"pain_change\""
            : "";
        Execute($"CREATE TEMPORARY VIEW {Relation} AS SELECT *{derived} FROM {source}");
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    protected void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        Guard(() => command.ExecuteNonQuery());
    }

    /// <summary>Runs a query and hands each row to <paramref name="row"/>.</summary>
    internal void Query(string sql, Action<DbDataReader> row)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        Guard(() =>
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                row(reader);
            }
            return 0;
        });
    }

    /// <summary>True for the engine's own errors (a file it cannot read, a type it cannot convert), reported as input errors.</summary>
    protected abstract bool IsEngineError(Exception exception);

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsEngineError(e))
        {
            throw new NmtInputException($"{Description}: {FirstLine(e.Message)}", e);
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 0 ? line : message;
    }

    private HashSet<string> ColumnNames(string source)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {source} WHERE 1 = 0";
        Guard(() =>
        {
            using var reader = command.ExecuteReader();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                names.Add(reader.GetName(i));
            }
            return 0;
        });
        return names;
    }

    private List<SourceColumn> ReadColumns()
    {
        var columns = new List<SourceColumn>();
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Relation} WHERE 1 = 0";
        Guard(() =>
        {
            using var reader = command.ExecuteReader();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                columns.Add(new SourceColumn(reader.GetName(i), IsNumeric(reader.GetFieldType(i))));
            }
            return 0;
        });
        return columns;
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(long) || type == typeof(int)
        || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte) || type == typeof(ulong) || type == typeof(uint)
        || type == typeof(ushort) || type == typeof(System.Numerics.BigInteger) || type == typeof(Half);

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the connection.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }
    }
}
