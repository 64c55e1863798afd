using System.Globalization;
using System.Text;
using CsvHelper;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Reads a study-level CSV (see <c>data-schema/studies.schema.json</c>) into a <see cref="ColumnTable"/>: comma- or
/// semicolon-delimited (detected from the header), <c>.</c> or (with <c>;</c>) <c>,</c> decimals, optional BOM,
/// <c>NA</c>/empty as missing, lines starting with <c>#</c> as comments; never depends on the machine's culture. Errors name the line and column.
/// </summary>
public static class StudyTableReader
{
    /// <summary>Columns that must hold numbers when present.</summary>
    public static readonly IReadOnlyList<string> NumericColumns = ["m1", "sd1", "n1", "m2", "sd2", "n2", "ai", "bi", "ci", "di", "yi", "vi"];

    /// <summary>Columns always read as text.</summary>
    public static readonly IReadOnlyList<string> TextColumns = ["study", "subgroup", "technique", "outcome"];

    /// <summary>Reads a file.</summary>
    public static ColumnTable ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>.</summary>
    /// <exception cref="NmtInputException">Empty file, duplicate header, ragged row, or a non-number in a numeric column.</exception>
    public static ColumnTable Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (header, rows, lines, separator) = Parse(reader.ReadToEnd().TrimStart('\uFEFF'));
        var columns = header.Select((name, j) => BuildColumn(name, rows.Select(r => r[j]).ToArray(), lines, separator == ";"));
        return new ColumnTable(columns.ToArray(), lines.ToArray());
    }

    private static (string[] Header, List<string?[]> Rows, List<long> Lines, string Separator) Parse(string text)
    {
        // CsvHelper detects the separator (',' or ';', as Excel writes it in many locales) and tracks file lines.
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true, CommentPrefix = '#' });
        var rows = new List<string?[]>();
        var lines = new List<long>();
        string[]? header = null;
        while (csv.Read())
        {
            header ??= CheckHeader(csv.Headers.ToArray());
            if (csv.FieldCount != header.Length)
            {
                throw new NmtInputException(
                    $"the row has {csv.FieldCount} fields but the header has {header.Length} (separator '{csv.Separator}').", csv.LineNumber, null);
            }
            rows.Add(Enumerable.Range(0, header.Length).Select(j => csv.GetString(j)).Select(v => IsMissing(v) ? null : v.Trim()).ToArray());
            lines.Add(csv.LineNumber);
        }
        header ??= CheckHeader(csv.Headers.ToArray());
        return (header, rows, lines, csv.Separator.ToString() ?? ",");
    }

    private static string[] CheckHeader(string[] header)
    {
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new NmtInputException("the study file is empty; it needs a header line and one row per study.");
        }
        header = header.Select(h => h.Trim()).ToArray();
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? header : throw new NmtInputException($"column '{duplicate.Key}' appears twice in the header.", 1, duplicate.Key);
    }

    private static bool IsMissing(string value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim() is "NA" or "na" or "N/A" or "." or "NaN";

    private static TableColumn BuildColumn(string name, string?[] values, List<long> lines, bool decimalComma)
    {
        if (TextColumns.Contains(name, StringComparer.Ordinal))
        {
            return new TextColumn(name, values);
        }
        var numbers = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                numbers[i] = double.NaN;
            }
            else if (!TryParse(values[i]!, decimalComma, out numbers[i]))
            {
                if (NumericColumns.Contains(name, StringComparer.Ordinal))
                {
                    throw new NmtInputException($"'{values[i]}' is not a number.", lines[i], name);
                }
                return new TextColumn(name, values);
            }
        }
        return new NumericColumn(name, numbers);
    }

    private static bool TryParse(string value, bool decimalComma, out double number)
    {
        if (decimalComma && value.Contains(',', StringComparison.Ordinal) && !value.Contains('.', StringComparison.Ordinal))
        {
            value = value.Replace(',', '.');
        }
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }
}
