using Nmt.Analytics.Engines;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// The options of <c>nmt fit</c> that move the one pass over the rows into an engine (<c>--engine duckdb|postgres</c>,
/// <c>--connection</c>, <c>--show-sql</c>) or start from summaries computed elsewhere (<c>--from-summaries</c>), and
/// write summaries (<c>--export-summaries</c>, with disclosure control): an <see cref="EngineRequest"/>.
/// </summary>
internal sealed class EngineOptions
{
    private readonly Option<string?> _engine = Declare.Option<string?>("--engine",
        "Compute the sufficient statistics in an engine instead of memory: duckdb (DATA = a CSV, a Parquet file or a folder of Parquet parts) or postgres (DATA = a table; see --connection).")
        .OneOf("duckdb", "postgres");

    private readonly Option<string?> _connection = Declare.Option<string?>("--connection", "PostgreSQL connection string (Npgsql syntax), for --engine postgres.");
    private readonly Option<bool> _showSql = Declare.Option<bool>("--show-sql", "Print the generated SQL (portable ANSI SQL over a relation nmt_rows) and stop.");

    private readonly Option<FileInfo[]> _fromSummaries = new("--from-summaries")
    {
        Description = "Fit from summary files (written by --export-summaries, here or at other sites); several files are merged exactly.",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<FileInfo?> _export = Declare.Option<FileInfo?>("--export-summaries", "Also write the summaries to this JSON file.");

    private readonly Option<string> _level = Declare.Option("--summary-level",
        "What --export-summaries writes: cells (per group, needed for mixed models) or totals (XᵀX, Xᵀy, yᵀy only; enough for OLS).", "cells")
        .OneOf("cells", "totals");

    private readonly Option<bool> _clientStatistics = Declare.Option<bool>("--include-client-statistics",
        "Allow --export-summaries to write per-client (or per-therapist) cells; without it they never leave the site.");

    private readonly Option<bool> _allowSmallCells = Declare.Option<bool>("--allow-small-cells",
        "Allow --export-summaries to write site-level cells (e.g. per clinic) of 1 to 10 clients; without it such a summary is refused.");

    private readonly Option<bool> _force = Declare.Option<bool>("--force", "Replace an existing --export-summaries file.");

    /// <summary>The options, in help order.</summary>
    public IEnumerable<Option> All => [_engine, _connection, _showSql, _fromSummaries, _export, _level, _clientStatistics, _allowSmallCells, _force];

    /// <summary>The engine request of a parsed command line.</summary>
    public EngineRequest Read(ParseResult parse) => new()
    {
        Engine = parse.GetValue(_engine),
        Connection = parse.GetValue(_connection),
        ShowSql = parse.GetValue(_showSql),
        FromSummaries = [.. (parse.GetValue(_fromSummaries) ?? []).Select(f => f.FullName)],
        Export = parse.GetValue(_export)?.FullName,
        SummaryLevel = parse.GetValue(_level) ?? "cells",
        IncludeClientStatistics = parse.GetValue(_clientStatistics),
        AllowSmallCells = parse.GetValue(_allowSmallCells),
        Force = parse.GetValue(_force),
    };
}
