using System.Text;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Tests.Data;

/// <summary>Validation on two threads gives exactly the one-thread report, whatever the file holds and wherever batches split it.</summary>
public class ParallelValidationTests
{
    private static ValidationReport Validate(string csv, bool parallel, int batchRows, int maxIssues = 200) =>
        SessionValidator.Validate(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "f.csv", new LoadOptions { MaxIssues = maxIssues }, parallel, batchRows);

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

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 64)]
    [InlineData(4, 4096)]
    public void Two_threads_give_the_one_thread_report(int seed, int batchRows)
    {
        var csv = Damaged(seed);
        foreach (var maxIssues in new[] { 0, 5, 200, 100_000 })
        {
            var one = Validate(csv, parallel: false, batchRows, maxIssues);
            var two = Validate(csv, parallel: true, batchRows, maxIssues);
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
}
