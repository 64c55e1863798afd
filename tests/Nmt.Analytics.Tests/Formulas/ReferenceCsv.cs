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
    /// <summary>
    /// The R data sets that several test areas use, each committed once, in the <c>reference/</c> folder of the area
    /// whose R script writes it (<c>Models</c>: make_model_reference.R; <c>Models/Lmm</c>: make_fixtures.R;
    /// <c>Inference</c>: make_inference_reference.R). Other areas' R scripts read that copy.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SharedDatasets { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["airquality"] = "Models",
        ["ToothGrowth"] = "Models",
        ["sleepstudy"] = Path.Combine("Models", "Lmm"),
        ["chickweight"] = "Inference",
    };

    public static string PathOf(string area, string file) =>
        Path.Combine(AppContext.BaseDirectory, area, "reference", file);

    /// <summary>The R data set <paramref name="name"/>: its shared copy, or else the one in <paramref name="area"/>'s folder.</summary>
    public static ColumnTable Dataset(string area, string name) => Load(AreaOf(area, name), name + ".csv");

    /// <summary>The area whose <c>reference/</c> folder holds data set <paramref name="name"/>.</summary>
    public static string AreaOf(string area, string name) => SharedDatasets.GetValueOrDefault(name, area);

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
