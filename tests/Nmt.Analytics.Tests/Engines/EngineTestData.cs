using DuckDB.NET.Data;
using Nmt.Analytics.Data;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Engines;

/// <summary>
/// Simulated sessions (the simulator's 160 clients in 12 clinics, with its MCAR missingness) written once as CSV, as
/// two CSV shards (split inside a client), and as a folder of Parquet parts; plus the in-memory path's results.
/// </summary>
internal static class EngineTestData
{
    private static readonly Lazy<string> Folder = new(Create);

    public const string OlsFormula = "pain_post ~ pain_pre + session + stress + region";
    public const string LmmFormula = "pain_post ~ pain_pre + session + stress + hydration + (1 + session | client_id)";
    public const string NestedFormula = "pain_post ~ pain_pre + session + (1 | clinic_id/client_id)";

    public static string Csv => Path.Combine(Folder.Value, "sessions.csv");

    public static string Parts => PartsFolder.Value;

    private static readonly Lazy<string> PartsFolder = new(() =>
    {
        var parts = Path.Combine(Folder.Value, "parts");
        Directory.CreateDirectory(parts);
        WriteParquet(Path.Combine(parts, "part-0.parquet"), 0, ShardARows);
        WriteParquet(Path.Combine(parts, "part-1.parquet"), ShardARows, long.MaxValue);
        return parts;
    });

    public static string ShardA => Path.Combine(Folder.Value, "shard_a.csv");

    public static string ShardB => Path.Combine(Folder.Value, "shard_b.csv");

    /// <summary>The validated in-memory table of <see cref="Csv"/> (as <c>nmt fit</c> loads it).</summary>
    public static ColumnTable Table => Dataset.Value.Table;

    public static readonly Lazy<SessionDataset> Dataset = new(() => SessionDataset.Load(Csv));

    public static ModelFrame Frame(string formula) => ModelFrameBuilder.Build(formula, Table);

    public static LmmFit InMemoryLmm(string formula) => LinearMixedModel.Fit(Frame(formula));

    public static SufficientStatistics Summarize(string path, string formula)
    {
        using var source = DuckDbSource.Open(path);
        return EngineSummaries.Compute(source, formula);
    }

    private static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nmt-engines-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var simulated = SessionSimulator.Simulate(new SimulationOptions { Clients = 160, Seed = 19 });
        var csv = SessionCsvWriter.ToCsv(simulated.Table);
        File.WriteAllText(Path.Combine(folder, "sessions.csv"), csv);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cut = (lines.Length / 2) + 1; // lands inside a client's episode, so that client's cell is split across shards
        File.WriteAllText(Path.Combine(folder, "shard_a.csv"), string.Join('\n', lines.Take(cut)) + "\n");
        File.WriteAllText(Path.Combine(folder, "shard_b.csv"), lines[0] + "\n" + string.Join('\n', lines.Skip(cut)) + "\n");
        return folder;
    }

    /// <summary>Writes rows [<paramref name="first"/>, <paramref name="end"/>) of <see cref="Csv"/> as Parquet with DuckDB (the whole file's column types).</summary>
    public static void WriteParquet(string parquet, long first, long end, string? select = null)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE t AS SELECT * FROM read_csv('{Csv}', header = true, nullstr = ['', 'NA']); " +
            $"COPY (SELECT {select ?? "*"} FROM t WHERE rowid >= {first} AND rowid < {end}) TO '{parquet}' (FORMAT PARQUET)";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// <see cref="Csv"/> with gaps the validator lets through (warnings only) but episodes exclude: a client whose
    /// first session has no pain readings, one whose last session has no pain_post, one whose first pain_pre is 0,
    /// and one whose first session has no stress.
    /// </summary>
    public static string Gappy => GappyCsv.Value;

    /// <summary>The in-memory table of <see cref="Gappy"/>.</summary>
    public static readonly Lazy<SessionDataset> GappyDataset = new(() => SessionDataset.Load(Gappy));

    private static readonly Lazy<string> GappyCsv = new(() =>
    {
        var lines = File.ReadAllLines(Csv).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',').ToList();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var (client, pre, post, stress) = (header.IndexOf("client_id"), header.IndexOf("pain_pre"), header.IndexOf("pain_post"), header.IndexOf("stress"));
        var clients = rows.Select(r => r[client]).Distinct().ToList();
        string[] First(int k) => rows.First(r => r[client] == clients[k]);
        string[] Last(int k) => rows.Last(r => r[client] == clients[k]);
        (First(0)[pre], First(0)[post]) = ("", "");
        (First(5)[pre], First(5)[post]) = ("", "");
        Last(1)[post] = "";
        First(2)[pre] = "0";
        First(3)[stress] = "";
        var path = Path.Combine(Folder.Value, "gappy.csv");
        File.WriteAllLines(path, rows.Select(r => string.Join(',', r)).Prepend(lines[0]));
        return path;
    });

    /// <summary>Rows in shard A (the rest are in shard B).</summary>
    public static long ShardARows => File.ReadLines(ShardA).Count() - 1;
}
