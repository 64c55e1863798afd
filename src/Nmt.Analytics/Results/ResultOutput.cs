using System.Text.Json.Nodes;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Results;

/// <summary>
/// A result as the command line presents it, in each <see cref="OutputFormat"/>: one JSON document, or the tidy tables as
/// aligned text or CSV; plus the messages that go beside it (notes, the row accounting line) and the exit code. Every
/// command of <c>nmt</c> prints one of these, so what it shows is built and tested here, not in the command.
/// </summary>
public sealed record ResultOutput
{
    private readonly Func<JsonNode> _json;

    /// <summary>A result whose JSON document is <paramref name="json"/> and whose text and CSV form are <paramref name="tables"/>.</summary>
    public ResultOutput(Func<JsonNode> json, IReadOnlyList<ResultTable> tables)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(tables);
        _json = json;
        Tables = tables;
    }

    /// <summary>The tables shown as text (and as CSV unless <see cref="CsvTables"/> is set).</summary>
    public IReadOnlyList<ResultTable> Tables { get; }

    /// <summary>The tables written as CSV when they differ from <see cref="Tables"/>; null: the same.</summary>
    public IReadOnlyList<ResultTable>? CsvTables { get; init; }

    /// <summary>Lines printed after the tables in the text format only (e.g. an evidence summary).</summary>
    public IReadOnlyList<string> TextLines { get; init; } = [];

    /// <summary>Messages for standard error in every format (notes, validation errors), written first.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>The row accounting; its one-line summary goes to standard error beside text and CSV output.</summary>
    public RowAccounting? Rows { get; init; }

    /// <summary>Messages for standard error beside text and CSV output only, after the row accounting line.</summary>
    public IReadOnlyList<string> TextMessages { get; init; } = [];

    /// <summary>Plain lines that stand for the result in every format (e.g. generated SQL), with <see cref="Messages"/> only; null for a normal result.</summary>
    public IReadOnlyList<string>? Plain { get; init; }

    /// <summary>The exit code of the command (0, or 1 when the result reports a problem with the user's data).</summary>
    public int ExitCode { get; init; }

    /// <summary>
    /// The usual result of an analysis of loaded rows: <paramref name="json"/> with <c>n_read</c>, <c>n_used</c> and
    /// <c>excluded_rows</c> added, the tables, and the rows line on standard error beside text and CSV.
    /// </summary>
    public static ResultOutput WithRows(Func<JsonObject> json, IReadOnlyList<ResultTable> tables, RowAccounting rows)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rows);
        return new ResultOutput(() => rows.AddTo(json()), tables) { Rows = rows };
    }

    /// <summary>Tables only; JSON is one object with each table under its key (<see cref="ResultJson.Tables"/>).</summary>
    public static ResultOutput OfTables(IReadOnlyList<ResultTable> tables, IReadOnlyList<string>? keys = null) =>
        new(() => ResultJson.Tables(tables, keys), tables);

    /// <summary>Plain text that stands for the result in every format (its JSON is the text as one string).</summary>
    public static ResultOutput PlainText(string text) => new(() => JsonValue.Create(text), []) { Plain = [text] };

    /// <summary>Plain lines (none: only <see cref="Messages"/> are written), in every format; their JSON is an array of strings.</summary>
    public static ResultOutput PlainLines(IReadOnlyList<string> lines) => new(() => ResultJson.Strings(lines), []) { Plain = lines };

    /// <summary>The JSON document.</summary>
    public JsonNode ToJson() => _json();

    /// <summary>
    /// Writes the result in <paramref name="format"/> to <paramref name="output"/> and its messages to
    /// <paramref name="messages"/>; returns <see cref="ExitCode"/>.
    /// </summary>
    public int Write(OutputFormat format, TextWriter output, TextWriter messages)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(messages);
        if (Plain is not null)
        {
            WriteLines(output, Plain);
        }
        else if (format == OutputFormat.Json)
        {
            output.WriteLine(_json().ToJsonString(ResultJson.Options));
        }
        else if (format == OutputFormat.Csv)
        {
            WriteCsv(output, CsvTables ?? Tables);
        }
        else
        {
            WriteLines(output, Tables.Select(t => t.ToText()));
            WriteLines(output, TextLines);
        }
        WriteLines(messages, Messages);
        if (Plain is null && format != OutputFormat.Json)
        {
            WriteLines(messages, Rows is null ? TextMessages : [Rows.Summary(), .. TextMessages]);
        }
        return ExitCode;
    }

    private static void WriteCsv(TextWriter output, IReadOnlyList<ResultTable> tables)
    {
        for (var i = 0; i < tables.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }
            output.Write(tables[i].ToCsv());
        }
    }

    private static void WriteLines(TextWriter writer, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }
}
