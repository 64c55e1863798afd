using Nmt.Analytics.Engines;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>--engine duckdb|postgres</c>, <c>--connection</c>, <c>--show-sql</c> of validate, describe and benchmark: an <see cref="EngineSource"/>.</summary>
internal sealed class EngineCommandOptions
{
    private readonly Option<string?> _engine = Declare.Option<string?>("--engine",
        "Run the pass over the rows in an engine: duckdb (DATA = a CSV, a Parquet file or a folder of Parquet parts) or postgres (DATA = a table; see --connection).")
        .OneOf("duckdb", "postgres");

    private readonly Option<string?> _connection = Declare.Option<string?>("--connection", "PostgreSQL connection string (Npgsql syntax), for --engine postgres.");
    private readonly Option<bool> _showSql = Declare.Option<bool>("--show-sql", "With --engine: print the generated SQL (portable, over a relation nmt_rows) and stop.");

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public EngineCommandOptions(Command command)
    {
        foreach (var option in new Option[] { _engine, _connection, _showSql })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The engine of a parsed command line, or null (in memory).</summary>
    public EngineSource? Read(ParseResult parse) =>
        parse.GetValue(_engine) is { } engine ? new EngineSource(engine, parse.GetValue(_connection), parse.GetValue(_showSql)) : null;
}
