using Nmt.Analytics.Data;
using Nmt.Analytics.Models;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Engines;

/// <summary>
/// <c>nmt fit --engine duckdb|postgres</c> or <c>--from-summaries</c>: OLS or a linear mixed model fitted from sufficient
/// statistics computed in an engine or read (and merged) from summary files, without loading the rows
/// (<see cref="SummaryFit"/>); optionally writes the summaries for other sites (<see cref="SummaryFile"/>).
/// </summary>
public sealed record EngineRequest
{
    /// <summary><c>duckdb</c> or <c>postgres</c>, or null.</summary>
    public string? Engine { get; init; }

    /// <summary>PostgreSQL connection string (Npgsql syntax), for <c>postgres</c>.</summary>
    public string? Connection { get; init; }

    /// <summary>Only show the generated SQL.</summary>
    public bool ShowSql { get; init; }

    /// <summary>Summary files to fit from (merged exactly), instead of an engine.</summary>
    public IReadOnlyList<string> FromSummaries { get; init; } = [];

    /// <summary>Also write the summaries to this JSON file, or null.</summary>
    public string? Export { get; init; }

    /// <summary>What <see cref="Export"/> writes: <c>cells</c> or <c>totals</c>.</summary>
    public string SummaryLevel { get; init; } = "cells";

    /// <summary>Allow <see cref="Export"/> to write per-client (or per-therapist) cells.</summary>
    public bool IncludeClientStatistics { get; init; }

    /// <summary>Allow <see cref="Export"/> to write site-level cells of 1–10 clients (refused otherwise).</summary>
    public bool AllowSmallCells { get; init; }

    /// <summary>Replace an existing <see cref="Export"/> file.</summary>
    public bool Force { get; init; }

    /// <summary>True when the rows are not to be loaded into memory (an engine or summary files were named).</summary>
    public bool Requested => Engine is not null || FromSummaries.Count > 0;

    /// <summary>
    /// <c>nmt fit</c>: fits <paramref name="request"/> on the rows of <paramref name="source"/> in memory
    /// (<see cref="FitAnalysis"/>; <paramref name="note"/> hears how the data were read), or — when <see cref="Requested"/> —
    /// from the summaries of <paramref name="source"/> (the file, folder or table the engine reads) or of
    /// <see cref="FromSummaries"/>; with <see cref="ShowSql"/> the output is the SQL.
    /// </summary>
    /// <exception cref="NmtInputException">Bad data or formula, a request that needs the rows, or options that do not go together.</exception>
    public ResultOutput Fit(DataSource source, FitRequest request, Action<string>? note = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Requested)
        {
            return InMemory(source, request, note);
        }
        SummaryFit.CheckRequest(request);
        SufficientStatistics statistics;
        if (FromSummaries.Count > 0)
        {
            if (Engine is not null || source.Path is not null)
            {
                throw new NmtInputException("--from-summaries fits from summary files; give no DATA and no --engine with it.");
            }
            statistics = SummaryMerge.ReadFor(FromSummaries, request.Formula);
        }
        else
        {
            using var sql = Open(source);
            if (ShowSql)
            {
                return ResultOutput.PlainText(string.Join(";\n\n", EngineSummaries.Statements(sql, request.Formula)) + ";");
            }
            statistics = EngineSummaries.Compute(sql, request.Formula);
        }
        if (Export is not null)
        {
            SummaryFile.Write(SummaryLevel == "totals" ? statistics.TotalsOnly() : statistics, Export, IncludeClientStatistics, Force, AllowSmallCells);
        }
        var fit = SummaryFit.Fit(statistics, request);
        return new ResultOutput(() => SummaryFit.ToJson(fit, statistics), fit.Tables()) { TextMessages = [SummaryFit.ExclusionNote(statistics)] };
    }

    private static ResultOutput InMemory(DataSource source, FitRequest request, Action<string>? note)
    {
        var loaded = source.Load();
        if (loaded.Note is { } text)
        {
            note?.Invoke($"note: {text}");
        }
        var analysis = FitAnalysis.Run(loaded.Table, request);
        return ResultOutput.WithRows(analysis.ToJson, analysis.Tables(), loaded.Account(analysis.Exclusions));
    }

    private SqlSource Open(DataSource source)
    {
        if (source.Path is null)
        {
            throw new NmtInputException("--engine needs DATA: a CSV, Parquet file or folder of Parquet parts (duckdb), or a table name (postgres).");
        }
        source.Check();
        if (Engine == "postgres")
        {
            return PostgresSource.Open(Connection ?? throw new NmtInputException("--engine postgres needs --connection \"Host=...;Username=...;Database=...\"."), source.Path);
        }
        if (Connection is not null)
        {
            throw new NmtInputException("--connection applies to --engine postgres only.");
        }
        return DuckDbSource.Open(source.Path);
    }
}
