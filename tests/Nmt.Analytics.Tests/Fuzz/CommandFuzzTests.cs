using Nmt.Analytics.Data;
using Nmt.Analytics.Tests.Cli;
using Nmt.Analytics.Tests.Data;

namespace Nmt.Analytics.Tests.Fuzz;

/// <summary>
/// Fuzzing every command through its in-process entry: random bytes, random mutations of a valid CSV and damaged
/// Parquet. Whatever the input: exit code 0 or 1 (never 2), no stack trace, rows conserved in the JSON results,
/// and no client identifier or identifier-like value in the outputs meant to be shared.
/// </summary>
public sealed class CommandFuzzTests : IDisposable
{
    private static readonly string Valid = SimulatedCsv.Of(60, 4, 11);
    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[]> Commands =>
    [
        ["validate"],
        ["describe"],
        ["benchmark", "--min-clients", "5"],
        ["fit", "--formula", "pain_change ~ stress + region"],
        ["fit", "--formula", "pain_change ~ stress + (1 | client_id)", "--model", "lmm"],
        ["meta", "--network", "muscle_energy", "--min-clients", "3"],
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Mutated_csv_gives_exit_0_or_1_and_conserves_rows(string[] command)
    {
        for (var seed = 1; seed <= 8; seed++)
        {
            var (csv, records) = Mutations.Apply(Valid, seed * 7919, 1 + (seed * 3));
            var run = Run(command, _temp.Write($"m{seed}.csv", csv));
            if (run.ExitCode == 0 && command[0] != "validate")
            {
                var json = run.Json();
                Assert.Equal(records, json["n_read"]!.GetValue<long>());
                Assert.Equal(records, json["n_used"]!.GetValue<long>() + json["excluded_rows"]!.AsArray().Count);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Random_bytes_give_exit_0_or_1(string[] command)
    {
        for (var seed = 1; seed <= 6; seed++)
        {
            var path = Path.Combine(_temp.Folder, $"r{seed}.csv");
            File.WriteAllBytes(path, Mutations.RandomBytes(seed));
            Run(command, path);
        }
    }

    [Fact]
    public void Damaged_parquet_gives_exit_0_or_1()
    {
        var table = DataLoader.Load(SimulatedCsv.Stream(Valid), "v.csv").Table;
        var bytes = ParquetFiles.Bytes(table);
        var random = new Random(5);
        for (var k = 0; k < 8; k++)
        {
            var damaged = bytes.ToArray();
            for (var j = 0; j < 1 + k; j++)
            {
                damaged[random.Next(4, damaged.Length)] = (byte)random.Next(256);
            }
            var path = Path.Combine(_temp.Folder, $"p{k}.parquet");
            File.WriteAllBytes(path, k % 2 == 0 ? damaged : damaged[..random.Next(4, damaged.Length)]);
            Run(["describe"], path);
            Run(["validate"], path);
        }
    }

    private static CliRun Run(string[] command, string path)
    {
        var json = command[0] == "validate" ? [] : new[] { "--format", "json" };
        var run = CliRun.Of([command[0], path, .. command[1..], .. json]);
        Assert.True(run.ExitCode is 0 or 1, $"{string.Join(' ', command)}: exit {run.ExitCode}: {run.Error}");
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
        if (command[0] is "describe" or "benchmark" or "meta")
        {
            Assert.DoesNotMatch(@"\bP\d{4}\b", run.Out + run.Error);
            Assert.DoesNotContain("bob@x.org", run.Out + run.Error, StringComparison.Ordinal);
        }
        return run;
    }
}
