using System.Text;
using System.Text.Json.Nodes;
using Nmt.Analytics.Cli;

namespace Nmt.Analytics.Tests.Cli;

/// <summary>Runs <c>nmt</c> in-process and captures exit code, stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = NmtCli.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public JsonObject Json() => JsonNode.Parse(Out)!.AsObject();

    /// <summary>Asserts a user error: exit 1, a message naming <paramref name="expected"/>, and no stack trace.</summary>
    public void AssertUserError(params string[] expected)
    {
        Assert.True(ExitCode == 1, $"exit {ExitCode}; stderr: {Error}");
        foreach (var text in expected)
        {
            Assert.Contains(text, Error, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Error, StringComparison.Ordinal);
    }

    /// <summary>Splits RFC 4180 CSV (quoted fields, doubled quotes, embedded separators/newlines) into blocks of records; blank lines separate tables.</summary>
    public static List<List<string[]>> ParseCsvBlocks(string csv)
    {
        var blocks = new List<List<string[]>> { new() };
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var ch = csv[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case '"':
                    throw new FormatException($"stray quote at offset {i}");
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (record.Count == 0 && field.Length == 0 && !fieldStarted)
                    {
                        if (blocks[^1].Count > 0)
                        {
                            blocks.Add([]);
                        }
                        break;
                    }
                    record.Add(field.ToString());
                    blocks[^1].Add([.. record]);
                    record.Clear();
                    field.Clear();
                    fieldStarted = false;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
        Assert.False(quoted, "unterminated quoted field");
        if (fieldStarted || record.Count > 0)
        {
            record.Add(field.ToString());
            blocks[^1].Add([.. record]);
        }
        return blocks.Where(b => b.Count > 0).ToList();
    }

    /// <summary>Asserts stdout is one or more well-formed CSV tables (every record as wide as its header) and returns them.</summary>
    public List<List<string[]>> AssertCsv()
    {
        Assert.Equal(0, ExitCode);
        var blocks = ParseCsvBlocks(Out);
        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            var width = block[0].Length;
            Assert.True(width >= 2, $"header '{string.Join(",", block[0])}' has fewer than 2 columns");
            Assert.All(block, r => Assert.Equal(width, r.Length));
            Assert.All(block[0], name => Assert.Matches("^[a-z0-9_]+$", name));
        }
        return blocks;
    }
}
