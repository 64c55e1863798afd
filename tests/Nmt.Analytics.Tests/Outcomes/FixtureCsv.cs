using System.Globalization;

namespace Nmt.Analytics.Tests.Outcomes;

/// <summary>Reads the R-written fixture CSVs (simple quoted fields, no embedded commas).</summary>
internal sealed class FixtureCsv
{
    private readonly string[] _header;
    private readonly List<string[]> _rows;

    private FixtureCsv(string[] header, List<string[]> rows) => (_header, _rows) = (header, rows);

    public int Count => _rows.Count;

    /// <summary>A fixture of this area, or (with <paramref name="area"/>) a shared R data set (<see cref="Formulas.ReferenceCsv.SharedDatasets"/>).</summary>
    public static FixtureCsv Load(string name, string area = "Outcomes")
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, area, "reference", name));
        static string[] Split(string line) => line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
        return new FixtureCsv(Split(lines[0]), lines.Skip(1).Where(l => l.Length > 0).Select(Split).ToList());
    }

    public string Text(int row, string column) => _rows[row][Array.IndexOf(_header, column)];

    public double Number(int row, string column)
    {
        var text = Text(row, column);
        return text is "" or "NA" ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
