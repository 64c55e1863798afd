using System.Text;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Reads a study-level CSV (see <c>data-schema/studies.schema.json</c>) into a <see cref="ColumnTable"/> with the
/// toolkit's one CSV reader and its one definition of a missing value (those of session data): comma- or
/// semicolon-delimited (detected from the header), <c>.</c> or (with <c>;</c>) <c>,</c> decimals, optional BOM, an
/// empty or blank cell, <c>NA</c>, <c>N/A</c>, <c>NaN</c> or <c>.</c> as missing, lines starting with <c>#</c> as
/// comments; never depends on the machine's culture. Errors (a ragged row, an unclosed quote, a non-number in a
/// numeric column, bytes that are not UTF-8) name the file line and the column.
/// </summary>
public static class StudyTableReader
{
    /// <summary>Columns that must hold numbers when present.</summary>
    public static readonly IReadOnlyList<string> NumericColumns = ["m1", "sd1", "n1", "m2", "sd2", "n2", "ai", "bi", "ci", "di", "yi", "vi"];

    /// <summary>Columns always read as text.</summary>
    public static readonly IReadOnlyList<string> TextColumns = ["study", "subgroup", "technique", "outcome"];

    /// <summary>Reads a file.</summary>
    /// <exception cref="NmtInputException">As for <see cref="Read(Stream)"/>, or the file cannot be opened.</exception>
    public static ColumnTable ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = SessionValidator.OpenFile(path);
        return Read(stream);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>.</summary>
    /// <exception cref="NmtInputException">As for <see cref="Read(Stream)"/>.</exception>
    public static ColumnTable Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(reader.ReadToEnd()));
        return Read(stream);
    }

    /// <summary>Reads UTF-8 CSV bytes from <paramref name="stream"/>.</summary>
    /// <exception cref="NmtInputException">
    /// Empty file, duplicate header, ragged row, an unclosed quote, bytes that are not UTF-8, or a non-number in a numeric column.
    /// </exception>
    public static ColumnTable Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var source = CsvRowSource.Open(stream, leaveOpen: true, commentPrefix: '#', trimWhitespace: true);
        var header = CheckHeader(source);
        var cells = header.Select(_ => new List<string?>()).ToArray();
        var lines = new List<long>();
        while (source.Read())
        {
            CheckRow(source, header.Length);
            for (var j = 0; j < header.Length; j++)
            {
                var cell = source.Field(j).Trim();
                cells[j].Add(CellParser.IsMissing(cell) ? null : cell.ToString());
            }
            lines.Add(source.Line);
        }
        var decimalComma = source.Format?.DecimalComma ?? false;
        return new ColumnTable([.. header.Select((name, j) => BuildColumn(name, cells[j], lines, decimalComma))], [.. lines]);
    }

    private static string[] CheckHeader(CsvRowSource source)
    {
        string[] header = [.. source.Header];
        if (source.IsEmpty || header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new NmtInputException("the study file is empty; it needs a header line and one row per study.");
        }
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? header : throw new NmtInputException($"column '{duplicate.Key}' appears twice in the header.", 1, duplicate.Key);
    }

    private static void CheckRow(CsvRowSource source, int fields)
    {
        if (source.FieldCount != fields)
        {
            throw new NmtInputException(
                $"the row has {source.FieldCount} fields but the header has {fields} (separator '{source.Format!.Delimiter}').", source.Line, null);
        }
        if (source.HasInvalidUtf8)
        {
            throw new NmtInputException("the row has bytes that are not valid UTF-8: save the file as UTF-8.", source.Line, null);
        }
    }

    private static TableColumn BuildColumn(string name, List<string?> values, List<long> lines, bool decimalComma)
    {
        if (TextColumns.Contains(name, StringComparer.Ordinal))
        {
            return new TextColumn(name, [.. values]);
        }
        var numbers = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                numbers[i] = double.NaN;
            }
            else if (!CellParser.TryNumber(value, decimalComma, out numbers[i]))
            {
                if (NumericColumns.Contains(name, StringComparer.Ordinal))
                {
                    throw new NmtInputException($"'{value}' is not a number.", lines[i], name);
                }
                return new TextColumn(name, [.. values]);
            }
        }
        return new NumericColumn(name, numbers);
    }
}
