using System.Globalization;
using System.Text;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Formulas;

/// <summary>
/// Reads the small reference data sets written by R's <c>write.csv</c> (quoted text, empty = NA) into a
/// <see cref="ColumnTable"/>: a column is numeric when every non-empty value parses as a number.
/// (The product's loader lives in Data/; these tests must not depend on it.)
/// </summary>
internal static class ReferenceCsv
{
    public static string PathOf(string area, string file) =>
        Path.Combine(AppContext.BaseDirectory, area, "reference", file);

    public static ColumnTable Load(string area, string file)
    {
        var lines = File.ReadAllLines(PathOf(area, file)).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0]);
        var cells = lines.Skip(1).Select(Split).ToList();
        var columns = new List<TableColumn>();
        for (var j = 0; j < header.Count; j++)
        {
            var raw = cells.Select(r => r[j]).ToList();
            var numeric = raw.All(v => v.Text.Length == 0 || (!v.Quoted && double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)));
            columns.Add(numeric
                ? new NumericColumn(header[j].Text, raw.Select(v => v.Text.Length == 0 ? double.NaN : double.Parse(v.Text, CultureInfo.InvariantCulture)).ToArray())
                : new TextColumn(header[j].Text, raw.Select(v => v.Text.Length == 0 && !v.Quoted ? null : v.Text).ToArray()));
        }
        return new ColumnTable(columns);
    }

    private static List<(string Text, bool Quoted)> Split(string line)
    {
        var result = new List<(string, bool)>();
        var sb = new StringBuilder();
        var quoted = false;
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
                quoted = true;
            }
            else if (c == ',')
            {
                result.Add((sb.ToString(), quoted));
                sb.Clear();
                quoted = false;
            }
            else
            {
                sb.Append(c);
            }
        }
        result.Add((sb.ToString(), quoted));
        return result;
    }
}
