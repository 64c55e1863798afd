using Nmt.Analytics.Tests.Data;

namespace Nmt.Analytics.Tests.Fuzz;

/// <summary>
/// Random damage to a valid session CSV that keeps one record per line (so the number of data rows is known):
/// cells replaced by junk, out-of-range values, codes, identifiers, formulas or balanced quoted text; fields dropped
/// or added (ragged rows); lines duplicated.
/// </summary>
internal static class Mutations
{
    private static readonly string[] Junk =
    [
        "", "NA", "11", "-3", "abc", "foo;bar", "1e308", "NaN", "=1+2", "@SUM(A1)", "bob@x.org", "\"quoted, text\"", "1,5", " 7 ", "\u00e9t\u00e9", "+31 6 1234 5678", "2024-03-05",
    ];

    /// <summary>A mutated copy of <paramref name="csv"/> and its number of data records.</summary>
    public static (string Csv, int Records) Apply(string csv, int seed, int count)
    {
        var random = new Random(seed);
        var lines = csv.TrimEnd('\n').Split('\n').ToList();
        for (var k = 0; k < count; k++)
        {
            var i = random.Next(1, lines.Count);
            var fields = lines[i].Split(',').ToList();
            switch (random.Next(8))
            {
                case 0:
                    fields.RemoveAt(random.Next(fields.Count));
                    lines[i] = string.Join(',', fields);
                    break;
                case 1:
                    lines[i] += ",extra";
                    break;
                case 2:
                    lines.Insert(i, lines[i]);
                    break;
                default:
                    lines[i] = SimulatedCsv.SetField(lines[i], random.Next(fields.Count), Junk[random.Next(Junk.Length)]);
                    break;
            }
        }
        return (string.Join('\n', lines) + "\n", lines.Count - 1);
    }

    /// <summary>Random bytes, sometimes behind a valid header, sometimes behind the Parquet magic.</summary>
    public static byte[] RandomBytes(int seed)
    {
        var random = new Random(seed);
        var body = new byte[random.Next(0, 600)];
        random.NextBytes(body);
        return random.Next(3) switch
        {
            0 => body,
            1 => [.. "client_id,clinic_id,session,day,region,techniques,pain_pre,pain_post\n"u8.ToArray(), .. body],
            _ => [.. "PAR1"u8.ToArray(), .. body],
        };
    }
}
