using System.Text;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary>Validation on two threads gives exactly the one-thread report, whatever the file holds and wherever batches split it.</summary>
public class ParallelValidationTests
{
    private static ValidationReport Validate(string csv, bool parallel, int batchRows, int maxIssues = 200, int chunkBytes = 1 << 20) =>
        Validate(Encoding.UTF8.GetBytes(csv), parallel, batchRows, maxIssues, chunkBytes);

    private static ValidationReport Validate(byte[] csv, bool parallel, int batchRows, int maxIssues = 200, int chunkBytes = 1 << 20) =>
        SessionValidator.Validate(new MemoryStream(csv), "f.csv", new LoadOptions { MaxIssues = maxIssues }, parallel, batchRows, chunkBytes);

    /// <summary>The one-thread report, or the error it stops with, as text.</summary>
    private static string Outcome(byte[] csv, bool parallel, int batchRows = 16, int chunkBytes = 1 << 20)
    {
        try
        {
            return Validate(csv, parallel, batchRows, 200, chunkBytes).ToJson().ToJsonString();
        }
        catch (NmtInputException e)
        {
            return $"line {e.Line}: {e.Message}";
        }
    }

    /// <summary>A simulated file with errors, warnings, identifiers, ragged and non-UTF-8 rows, duplicates and order problems spread over it.</summary>
    private static string Damaged(int seed)
    {
        var lines = SimulatedCsv.Of(120, 6, seed).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var random = new Random(seed);
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            switch (random.Next(12))
            {
                case 0: fields[Col("pain_pre")] = "11"; break;                  // out of range: error
                case 1: fields[Col("hydration")] = "0.1"; break;                // implausible: warning
                case 2: fields[Col("therapist_id")] = "bob@x.org"; break;       // identifier value
                case 3: fields[Col("region")] = "cervicl"; break;               // unknown code
                case 4: fields[Col("session")] = "1"; break;                    // duplicate / order
                case 5: fields[Col("day")] = "0"; break;                        // day backwards
                case 6: fields[Col("stress")] = "N/A"; break;                   // missing: fine
                case 7: fields = fields[..^1]; break;                           // ragged
                default: break;
            }
            lines[i] = string.Join(',', fields);
            if (random.Next(40) == 0)
            {
                (lines[i], lines[Math.Max(1, i - random.Next(1, 30))]) = (lines[Math.Max(1, i - random.Next(1, 30))], lines[i]); // rows out of order
            }
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Chunks of 1 byte are never cut (no line fits), so the file goes through one reader and checked batches.</summary>
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 7, 1)]
    [InlineData(3, 64, 1)]
    [InlineData(4, 4096, 1)]
    [InlineData(1, 64, 97)]
    [InlineData(2, 64, 1000)]
    [InlineData(3, 16, 16_384)]
    [InlineData(4, 2048, 1 << 20)]
    public void Two_threads_give_the_one_thread_report(int seed, int batchRows, int chunkBytes)
    {
        var csv = Damaged(seed);
        foreach (var maxIssues in new[] { 0, 5, 200, 100_000 })
        {
            var one = Validate(csv, parallel: false, batchRows, maxIssues);
            var two = Validate(csv, parallel: true, batchRows, maxIssues, chunkBytes);
            Assert.True(one.ErrorCount > 0 && one.WarningCount > 0 && one.Anonymity.DirectIdentifierCount > 0);
            Assert.Equal(one.ToJson().ToJsonString(), two.ToJson().ToJsonString());
        }
    }

    [Fact]
    public void A_malformed_quote_stops_both_at_the_same_line_with_the_same_message()
    {
        var csv = SimulatedCsv.ReplaceLine(SimulatedCsv.Issue12, 300, line => "\"" + line);
        var one = Assert.Throws<NmtInputException>(() => Validate(csv, parallel: false, 16));
        var two = Assert.Throws<NmtInputException>(() => Validate(csv, parallel: true, 16));
        Assert.Equal(300, two.Line);
        Assert.Equal(one.Message, two.Message);
    }

    [Fact]
    public void A_large_file_is_validated_in_parallel_by_default_with_the_same_report()
    {
        var csv = Damaged(5);
        var big = new StringBuilder(csv);
        var body = csv[(csv.IndexOf('\n') + 1)..];
        for (var copy = 1; big.Length < ParallelValidation.MinBytes; copy++)
        {
            big.Append(body.Replace("\nP", $"\nQ{copy}P", StringComparison.Ordinal)); // other clients
        }
        var text = big.ToString();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        Assert.True(ParallelValidation.Worthwhile(stream) || Environment.ProcessorCount == 1);
        var byDefault = SessionValidator.Validate(stream, "f.csv");
        Assert.Equal(Validate(text, parallel: false, 1).ToJson().ToJsonString(), byDefault.ToJson().ToJsonString());
    }

    /// <summary>Files that chunking must not change: quoted line breaks across chunk ends, CR LF, a BOM, <c>;</c> with decimal commas, blank lines, no final newline, tiny files.</summary>
    public static TheoryData<string> Awkward()
    {
        var csv = Damaged(6);
        var lines = csv.TrimEnd('\n').Split('\n');
        var notes = (string[])lines.Clone();
        for (var i = 40; i < notes.Length; i += 37)
        {
            notes[i] = notes[i].Replace(",shoulder,", ",\"shoulder\nsecond line, with comma\",", StringComparison.Ordinal)
                .Replace(",neck,", ",\"ne\"\"ck\",", StringComparison.Ordinal);
        }
        var semicolon = lines.Select(l => l.Replace(',', ';')).Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"(?<=\d)\.(?=\d)", ",")).ToArray();
        var blank = lines.SelectMany((l, i) => i % 23 == 5 ? new[] { l, "", "" } : new[] { l }).ToArray();
        return new TheoryData<string>
        {
            string.Join('\n', notes) + "\n",
            string.Join("\r\n", lines) + "\r\n",
            "\uFEFF" + csv,
            string.Join('\n', semicolon) + "\n",
            string.Join('\n', blank) + "\n",
            string.Join('\n', lines),
            lines[0] + "\n" + lines[1],
            lines[0] + "\n",
            lines[0] + "\n" + lines[1] + "\n\"" + lines[2] + "\n" + lines[3] + "\n",
            string.Join('\n', lines[..200]) + "\n\"" + string.Join('\n', lines[200..]) + "\n",
            string.Join('\n', lines).Replace("\n", "\r", StringComparison.Ordinal),
        };
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public void Awkward_files_give_the_one_thread_outcome_wherever_chunks_are_cut(string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        var one = Outcome(bytes, parallel: false);
        foreach (var chunkBytes in new[] { 1, 13, 200, 1500, 1 << 20 })
        {
            Assert.Equal(one, Outcome(bytes, parallel: true, chunkBytes: chunkBytes));
        }
    }

    [Fact]
    public void An_unterminated_quote_after_many_chunks_is_found_at_its_line()
    {
        var csv = SimulatedCsv.ReplaceLine(SimulatedCsv.Issue12, 900, line => "\"" + line);
        var error = Assert.Throws<NmtInputException>(() => Validate(csv, parallel: true, 16, chunkBytes: 4096));
        Assert.Equal(900, error.Line);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_NUL_blank_and_space_only_lines_give_the_one_thread_outcome()
    {
        var lines = Damaged(7).TrimEnd('\n').Split('\n').Select(Encoding.UTF8.GetBytes).ToList();
        for (var i = 30; i < lines.Count; i += 41)
        {
            var changed = lines[i].ToList();
            changed.Insert(changed.Count / 2, (byte)(i % 2 == 0 ? 0xFF : 0xC3)); // invalid, or a truncated sequence
            lines[i] = [.. changed];
        }
        lines[55] = [.. lines[55].Take(12), 0, .. lines[55].Skip(12)];
        lines[77] = "   "u8.ToArray();
        lines[99] = "\r"u8.ToArray();
        lines[120] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(lines[120]).Replace(",shoulder,", ",schulter-ärmel-ü,", StringComparison.Ordinal));
        var bytes = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();
        var one = Outcome(bytes, parallel: false);
        foreach (var chunkBytes in new[] { 1, 211, 3000, 1 << 20 })
        {
            Assert.Equal(one, Outcome(bytes, parallel: true, chunkBytes: chunkBytes));
        }
    }

    /// <summary>
    /// Column by column, a cell equal to the one above is not checked again only when that one raised nothing: runs of
    /// the same bad value, identifier, empty required cell or implausible number are reported on every row.
    /// </summary>
    [Fact]
    public void Runs_of_the_same_problem_cell_are_reported_on_every_row()
    {
        var lines = SimulatedCsv.Of(60, 3, 11).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var runs = new (string Column, string Value)[]
        {
            ("pain_pre", "11"), ("therapist_id", "bob@x.org"), ("clinic_id", ""), ("hydration", "0.1"), ("region", "cervicl"),
            ("client_id", "P\u0001"), ("sex", "555-123-4567"),
        };
        for (var k = 0; k < runs.Length; k++)
        {
            var column = Array.IndexOf(header, runs[k].Column);
            for (var line = 20 + (40 * k); line < 20 + (40 * k) + 12; line++)
            {
                lines[line - 1] = SimulatedCsv.SetField(lines[line - 1], column, runs[k].Value);
            }
        }
        var csv = string.Join('\n', lines) + "\n";
        var one = Validate(csv, parallel: false, 16, maxIssues: 100_000);
        foreach (var batchRows in new[] { 1, 5, 256 })
        {
            Assert.Equal(one.ToJson().ToJsonString(), Validate(csv, parallel: true, batchRows, 100_000, chunkBytes: 2000).ToJson().ToJsonString());
        }
        for (var k = 0; k < runs.Length; k++)
        {
            var flagged = one.Issues.Where(i => i.Column == runs[k].Column).Select(i => i.Line!.Value).ToHashSet();
            Assert.All(Enumerable.Range(20 + (40 * k), 12), line => Assert.Contains((long)line, flagged));
        }
    }
}
