using System.CommandLine;
using Nmt.Analytics.Engines;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// The options that move the one pass over the rows into an engine (<c>--engine duckdb|postgres</c>,
/// <c>--connection</c>, <c>--show-sql</c>) or start from summaries computed elsewhere (<c>--from-summaries</c>), and
/// write summaries (<c>--export-summaries</c>, with disclosure control).
/// </summary>
internal sealed class EngineOptions
{
    private readonly Option<string?> _engine = new("--engine")
    {
        Description = "Compute the sufficient statistics in an engine instead of memory: duckdb (DATA = a CSV, a Parquet file or a folder of Parquet parts) or postgres (DATA = a table; see --connection).",
    };

    private readonly Option<string?> _connection = new("--connection") { Description = "PostgreSQL connection string (Npgsql syntax), for --engine postgres." };

    private readonly Option<bool> _showSql = new("--show-sql") { Description = "Print the generated SQL (portable ANSI SQL over a relation nmt_rows) and stop." };

    private readonly Option<FileInfo[]> _fromSummaries = new("--from-summaries")
    {
        Description = "Fit from summary files (written by --export-summaries, here or at other sites); several files are merged exactly.",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<FileInfo?> _export = new("--export-summaries") { Description = "Also write the summaries to this JSON file." };

    private readonly Option<string> _level = new("--summary-level")
    {
        Description = "What --export-summaries writes: cells (per group, needed for mixed models) or totals (XᵀX, Xᵀy, yᵀy only; enough for OLS).",
        DefaultValueFactory = _ => "cells",
    };

    private readonly Option<bool> _clientStatistics = new("--include-client-statistics")
    {
        Description = "Allow --export-summaries to write per-client (or per-therapist) cells; without it they never leave the site.",
    };

    private readonly Option<bool> _allowSmallCells = new("--allow-small-cells")
    {
        Description = "Allow --export-summaries to write site-level cells (e.g. per clinic) of 1 to 10 clients; without it such a summary is refused.",
    };

    private readonly Option<bool> _force = new("--force") { Description = "Replace an existing --export-summaries file." };

    public EngineOptions()
    {
        _engine.AcceptOnlyFromAmong("duckdb", "postgres");
        _level.AcceptOnlyFromAmong("cells", "totals");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _engine, _connection, _showSql, _fromSummaries, _export, _level, _clientStatistics, _allowSmallCells, _force })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when the rows are not to be loaded into memory.</summary>
    public bool Requested(ParseResult parse) => parse.GetValue(_engine) is not null || parse.GetValue(_fromSummaries) is { Length: > 0 };

    /// <summary>
    /// The summaries for <paramref name="formula"/>: computed by the engine or read and merged from files; null after
    /// <c>--show-sql</c> printed the statements. Writes <c>--export-summaries</c> when asked.
    /// </summary>
    public SufficientStatistics? Summaries(ParseResult parse, string formula, CliContext context)
    {
        var files = parse.GetValue(_fromSummaries) ?? [];
        var data = parse.GetValue<FileInfo?>("DATA")?.ToString();
        SufficientStatistics statistics;
        if (files.Length > 0)
        {
            if (parse.GetValue(_engine) is not null || data is not null)
            {
                throw new NmtInputException("--from-summaries fits from summary files; give no DATA and no --engine with it.");
            }
            statistics = SummaryMerge.ReadFor([.. files.Select(f => f.FullName)], formula);
        }
        else
        {
            using var source = Open(parse, data);
            if (parse.GetValue(_showSql))
            {
                context.Out.WriteLine(string.Join(";\n\n", EngineSummaries.Statements(source, formula)) + ";");
                return null;
            }
            statistics = EngineSummaries.Compute(source, formula);
        }
        if (parse.GetValue(_export) is { } export)
        {
            var written = parse.GetValue(_level) == "totals" ? statistics.TotalsOnly() : statistics;
            SummaryFile.Write(written, export.FullName, parse.GetValue(_clientStatistics), parse.GetValue(_force), parse.GetValue(_allowSmallCells));
        }
        return statistics;
    }

    private SqlSource Open(ParseResult parse, string? data)
    {
        if (data is null)
        {
            throw new NmtInputException("--engine needs DATA: a CSV, Parquet file or folder of Parquet parts (duckdb), or a table name (postgres).");
        }
        DataInput.CheckSource(new FileInfo(data), parse.GetValue<bool>("--demo"));
        if (parse.GetValue(_engine) == "postgres")
        {
            return PostgresSource.Open(parse.GetValue(_connection) ?? throw new NmtInputException("--engine postgres needs --connection \"Host=...;Username=...;Database=...\"."), data);
        }
        if (parse.GetValue(_connection) is not null)
        {
            throw new NmtInputException("--connection applies to --engine postgres only.");
        }
        return DuckDbSource.Open(data);
    }
}
