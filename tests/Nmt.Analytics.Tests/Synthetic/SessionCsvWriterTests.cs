using System.Globalization;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Synthetic;

public sealed class SessionCsvWriterTests
{
    [Fact]
    public void Writes_invariant_round_trip_numbers_and_empty_missing_fields()
    {
        var values = new[] { 0.1 + 0.2, -0.0, double.NaN, 1e-7, 3 };
        var table = new ColumnTable([new NumericColumn("x", values)]);
        var lines = SessionCsvWriter.ToCsv(table).Split('\n');
        Assert.Equal(["x", "0.30000000000000004", "0", "", "1E-07", "3", ""], lines);
        Assert.Equal(0.1 + 0.2, double.Parse(lines[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Joins_code_sets_with_semicolons_and_quotes_only_what_needs_it()
    {
        var table = new ColumnTable(
        [
            new TextColumn("note", ["a,b", "say \"hi\"", null, "plain"]),
            new CodeSetColumn("techniques", [["init", "stacking"], ["other"], null, []]),
        ]);
        var csv = SessionCsvWriter.ToCsv(table);
        Assert.Equal("note,techniques\n\"a,b\",init;stacking\n\"say \"\"hi\"\"\",other\n,\nplain,\n", csv);
    }

    [Fact]
    public void Writes_UTF8_without_BOM()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nmt-writer-{Guid.NewGuid():N}.csv");
        try
        {
            SessionCsvWriter.Write(new ColumnTable([new TextColumn("région", ["ü"])]), path);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal((byte)'r', bytes[0]);
            Assert.Equal("région\nü\n", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
