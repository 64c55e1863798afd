using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nmt.Analytics.Results;

/// <summary>
/// The one tidy shape of every result in the toolkit (in the spirit of R's broom): named columns in
/// snake_case, one row per term, group, clinic or study, plus notes (exclusions, caveats, warnings).
/// Prints as an aligned text table, and exports to CSV, JSON and HTML without losing precision.
/// </summary>
/// <remarks>
/// Cells are <see cref="string"/>, <see cref="double"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="bool"/> or null (missing; shown as <c>NA</c> in text and empty in CSV).
/// </remarks>
[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ResultTable
{
    private readonly List<object?[]> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>Creates an empty table with the given snake_case column names.</summary>
    public ResultTable(string title, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Title = title;
        Columns = columns;
    }

    /// <summary>A short caption, e.g. "Fixed effects".</summary>
    public string Title { get; }

    /// <summary>Column names (snake_case).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows; each has one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>Footnotes printed under the table (exclusions, warnings, caveats).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Appends a row; it must have one cell per column.</summary>
    public ResultTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Expected {Columns.Count} cells, got {cells.Length}.", nameof(cells));
        }
        _rows.Add(cells);
        return this;
    }

    /// <summary>Appends a footnote.</summary>
    public ResultTable AddNote(string note)
    {
        _notes.Add(note);
        return this;
    }

    /// <summary>A new table with only the named columns, in that order (rows and notes kept) — e.g. a narrower view for display.</summary>
    /// <exception cref="KeyNotFoundException">A column does not exist.</exception>
    public ResultTable Select(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var indices = columns.Select(IndexOf).ToArray();
        var selected = new ResultTable(Title, columns);
        foreach (var row in _rows)
        {
            selected._rows.Add(indices.Select(j => row[j]).ToArray());
        }
        selected._notes.AddRange(_notes);
        return selected;
    }

    /// <summary>The cell in row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public object? this[int row, string column] => _rows[row][IndexOf(column)];

    /// <summary>The numeric cells of a column (NaN where missing or non-numeric).</summary>
    public double[] NumericColumn(string column)
    {
        var j = IndexOf(column);
        return _rows.Select(r => ToDouble(r[j])).ToArray();
    }

    /// <summary>The row whose first column equals <paramref name="key"/> (e.g. a term name).</summary>
    public IReadOnlyList<object?> Row(string key) =>
        _rows.FirstOrDefault(r => Equals(r[0], key)) ?? throw new KeyNotFoundException($"No row '{key}' in {Title}.");

    /// <summary>Aligned plain-text rendering with numbers to <paramref name="digits"/> significant digits.</summary>
    public string ToText(int digits = 5)
    {
        var cells = _rows.Select(r => r.Select(c => FormatText(c, digits)).ToArray()).ToList();
        var widths = Columns.Select((c, j) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[j].Length))).ToArray();
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(Title))
        {
            sb.Append(Title).Append('\n');
        }
        sb.Append(string.Join("  ", Columns.Select((c, j) => Pad(c, widths[j], j == 0)))).Append('\n');
        foreach (var row in cells)
        {
            sb.Append(string.Join("  ", row.Select((c, j) => Pad(c, widths[j], j == 0 || !IsNumericColumn(j))))).Append('\n');
        }
        foreach (var note in _notes)
        {
            sb.Append("Note: ").Append(note).Append('\n');
        }
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();

    /// <summary>RFC 4180 CSV with a header; numbers in invariant round-trip format; missing as empty; text that a spreadsheet would run as a formula neutralised (<see cref="Privacy.CsvSafety"/>).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Columns.Select(CsvEscape))).Append('\n');
        foreach (var row in _rows)
        {
            sb.Append(string.Join(",", row.Select(c => CsvEscape(c is string text ? Privacy.CsvSafety.Neutralise(text) : FormatExact(c))))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The rows as a JSON array of objects (snake_case keys, numbers at full double precision).</summary>
    public JsonArray ToJsonArray()
    {
        var array = new JsonArray();
        foreach (var row in _rows)
        {
            var obj = new JsonObject();
            for (var j = 0; j < Columns.Count; j++)
            {
                obj[Columns[j]] = ToJsonNode(row[j]);
            }
            array.Add(obj);
        }
        return array;
    }

    /// <summary>The rows as an indented JSON array string.</summary>
    public string ToJson() => ToJsonArray().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>An HTML <c>&lt;table&gt;</c> (for notebooks and reports); numbers to <paramref name="digits"/> significant digits.</summary>
    public string ToHtml(int digits = 4)
    {
        var sb = new StringBuilder("<table class=\"nmt-table\">");
        if (!string.IsNullOrEmpty(Title))
        {
            sb.Append("<caption>").Append(Html(Title)).Append("</caption>");
        }
        sb.Append("<thead><tr>");
        foreach (var c in Columns)
        {
            sb.Append("<th>").Append(Html(c)).Append("</th>");
        }
        sb.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            sb.Append("<tr>");
            for (var j = 0; j < row.Length; j++)
            {
                var align = row[j] is double or int or long ? " class=\"num\"" : "";
                sb.Append("<td").Append(align).Append('>').Append(Html(FormatText(row[j], digits))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        foreach (var note in _notes)
        {
            sb.Append("<p class=\"nmt-note\">").Append(Html(note)).Append("</p>");
        }
        return sb.ToString();
    }

    /// <summary>Formats a cell for reading: significant digits, <c>NA</c> for missing, p-values as <c>&lt;1e-16</c>.</summary>
    public static string FormatText(object? cell, int digits = 5) => cell switch
    {
        null => "NA",
        double d when double.IsNaN(d) => "NA",
        double d when double.IsPositiveInfinity(d) => "Inf",
        double d when double.IsNegativeInfinity(d) => "-Inf",
        double d => FormatSignificant(d, digits),
        float f => FormatSignificant(f, digits),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>Formats a cell exactly (round-trip doubles, invariant culture); missing as empty.</summary>
    public static string FormatExact(object? cell) => cell switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>A number to <paramref name="digits"/> significant digits, switching to exponent form for very small or large values.</summary>
    public static string FormatSignificant(double value, int digits)
    {
        if (value == 0)
        {
            return "0";
        }
        var magnitude = Math.Abs(value);
        if (magnitude < 1e-4 || magnitude >= 1e9)
        {
            return value.ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        var decimals = Math.Max(0, digits - 1 - (int)Math.Floor(Math.Log10(magnitude)));
        return Math.Round(value, Math.Min(decimals, 15)).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private int IndexOf(string column)
    {
        for (var j = 0; j < Columns.Count; j++)
        {
            if (Columns[j] == column)
            {
                return j;
            }
        }
        throw new KeyNotFoundException($"No column '{column}' in {Title}.");
    }

    private bool IsNumericColumn(int j) => _rows.Any(r => r[j] is double or int or long);

    private static double ToDouble(object? cell) => cell switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => double.NaN,
    };

    private static JsonNode? ToJsonNode(object? cell) => cell switch
    {
        null => null,
        double d when !double.IsFinite(d) => null,
        double d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        _ => JsonValue.Create(FormatExact(cell)),
    };

    private static string Pad(string text, int width, bool left) => left ? text.PadRight(width) : text.PadLeft(width);

    private static string CsvEscape(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
