using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Cli;

/// <summary>Output writers and the shared options and error handling of every command.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Indented JSON with snake_case names and full double precision.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>A fresh <c>--format table|json|csv</c> option (contract; default table).</summary>
    public static Option<OutputFormat> FormatOption() => new("--format")
    {
        Description = "Output format: table, json or csv.",
        DefaultValueFactory = _ => OutputFormat.Table,
        HelpName = "table|json|csv",
    };

    /// <summary>
    /// Runs <paramref name="body"/> and maps failures to exit codes: <see cref="NmtInputException"/> → 1
    /// with its message; anything else → 2 with a one-line message (stack trace only with NMT_DEBUG=1).
    /// </summary>
    public int Guard(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (NmtInputException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (FileNotFoundException e)
        {
            Error.WriteLine($"error: file not found: {e.FileName ?? e.Message}");
            return 1;
        }
        catch (DirectoryNotFoundException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return 1;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: report, never crash with a trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("NMT_DEBUG") == "1")
            {
                Error.WriteLine(e);
            }
            else
            {
                Error.WriteLine("(set NMT_DEBUG=1 for details, and please report this)");
            }
            return 2;
        }
    }

    /// <summary>Writes tidy tables in the chosen format (CSV and table: one after another; JSON: an object keyed by <paramref name="jsonKeys"/>).</summary>
    public void WriteTables(OutputFormat format, IReadOnlyList<ResultTable> tables, IReadOnlyList<string>? jsonKeys = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        switch (format)
        {
            case OutputFormat.Json:
                var obj = new JsonObject();
                for (var i = 0; i < tables.Count; i++)
                {
                    obj[jsonKeys?[i] ?? Snake(tables[i].Title)] = tables[i].ToJsonArray();
                }
                WriteJson(obj);
                break;
            case OutputFormat.Csv:
                for (var i = 0; i < tables.Count; i++)
                {
                    if (i > 0)
                    {
                        Out.WriteLine();
                    }
                    Out.Write(tables[i].ToCsv());
                }
                break;
            default:
                foreach (var table in tables)
                {
                    Out.WriteLine(table.ToText());
                }
                break;
        }
    }

    /// <summary>
    /// Reports what an analysis did with the rows (contract "Nothing lost"): added to the JSON result, or as one line
    /// on stderr beside table and CSV output.
    /// </summary>
    public void ReportRows(OutputFormat format, RowAccounting rows, JsonObject? json = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (json is not null)
        {
            rows.AddTo(json);
        }
        if (format != OutputFormat.Json)
        {
            Error.WriteLine(rows.Summary());
        }
    }

    /// <summary>
    /// Writes a result with its row accounting: the library's JSON (with <c>n_read</c>, <c>n_used</c>, <c>excluded_rows</c>)
    /// or the tables as text/CSV followed by the rows line on stderr.
    /// </summary>
    public void WriteResult(OutputFormat format, JsonObject json, IReadOnlyList<ResultTable> tables, RowAccounting rows)
    {
        if (format == OutputFormat.Json)
        {
            ReportRows(format, rows, json);
            WriteJson(json);
            return;
        }
        WriteTables(format, tables);
        ReportRows(format, rows);
    }

    /// <summary>Writes a JSON document (contract shapes are built as <see cref="JsonNode"/>s).</summary>
    public void WriteJson(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Out.WriteLine(node.ToJsonString(Json));
    }

    private static string Snake(string title) =>
        string.Join("_", title.ToLowerInvariant().Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries));
}
