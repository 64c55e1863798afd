using System.CommandLine;
using System.Text.Json.Nodes;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>--engine duckdb|postgres</c>, <c>--connection</c> and <c>--show-sql</c> for <c>validate</c>, <c>describe</c> and
/// <c>benchmark</c>: the pass over the rows runs in the engine (library: <c>EngineValidate</c>, <c>EngineDescribe</c>,
/// <c>EngineBenchmark</c>), only counts and sums come back.
/// </summary>
internal sealed class EngineCommandOptions
{
    private readonly Option<string?> _engine = new("--engine")
    {
        Description = "Run the pass over the rows in an engine: duckdb (DATA = a CSV, a Parquet file or a folder of Parquet parts) or postgres (DATA = a table; see --connection).",
    };

    private readonly Option<string?> _connection = new("--connection") { Description = "PostgreSQL connection string (Npgsql syntax), for --engine postgres." };

    private readonly Option<bool> _showSql = new("--show-sql") { Description = "With --engine: print the generated SQL (portable, over a relation nmt_rows) and stop." };

    public EngineCommandOptions(Command command)
    {
        _engine.AcceptOnlyFromAmong([.. SqlSources.Engines]);
        foreach (var option in new Option[] { _engine, _connection, _showSql })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when <c>--engine</c> is given.</summary>
    public bool Requested(ParseResult parse) => parse.GetValue(_engine) is not null;

    /// <summary>Opens the source; prints the statements and returns 0 with <c>--show-sql</c>, else returns what <paramref name="run"/> returns.</summary>
    public int Run(CliContext context, ParseResult parse, Func<SqlSource, IReadOnlyList<string>> statements, Func<SqlSource, int> run)
    {
        if (parse.GetValue<bool>("--demo"))
        {
            throw new NmtInputException("--engine reads DATA where it lives; --demo is in memory only.");
        }
        var data = parse.GetValue<FileInfo?>("DATA")?.ToString()
            ?? throw new NmtInputException("--engine needs DATA: a CSV, Parquet file or folder of Parquet parts (duckdb), or a table name (postgres).");
        using var source = SqlSources.Open(parse.GetValue(_engine)!, data, parse.GetValue(_connection));
        if (parse.GetValue(_showSql))
        {
            context.Out.WriteLine(string.Join(";\n\n", statements(source)) + ";");
            return 0;
        }
        return run(source);
    }

    /// <summary>Writes an engine result: JSON, or the tables with the one-line row account on standard error.</summary>
    public static void Write(CliContext context, OutputFormat format, JsonObject json, IReadOnlyList<ResultTable> tables, string summary)
    {
        if (format == OutputFormat.Json)
        {
            context.WriteJson(json);
            return;
        }
        context.WriteTables(format, tables);
        context.Error.WriteLine(summary);
    }
}
