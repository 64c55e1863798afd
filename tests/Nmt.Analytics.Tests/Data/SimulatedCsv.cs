using System.Collections.Concurrent;
using Nmt.Analytics.Data;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Data;

/// <summary>Simulated session networks as CSV text (as <c>nmt simulate</c> writes them), cached per parameters.</summary>
internal static class SimulatedCsv
{
    private static readonly ConcurrentDictionary<(int, int, long), string> Cache = new();

    /// <summary>The CSV of <c>nmt simulate --clients N --clinics C --seed S</c> (its last clinic is the planted tiny one).</summary>
    public static string Of(int clients, int clinics, long seed) =>
        Cache.GetOrAdd((clients, clinics, seed), key =>
            SessionCsvWriter.ToCsv(SessionSimulator.Simulate(new SimulationOptions { Clients = key.Item1, Clinics = key.Item2, Seed = key.Item3 }).Table));

    /// <summary>The issue's network: 200 clients, 8 clinics, seed 7 (clinic C08 has 8 clients).</summary>
    public static string Issue12 => Of(200, 8, 7);

    /// <summary>The lines of <paramref name="csv"/> with line <paramref name="line"/> (1-based) replaced.</summary>
    public static string ReplaceLine(string csv, int line, Func<string, string> change)
    {
        var lines = csv.Split('\n');
        lines[line - 1] = change(lines[line - 1]);
        return string.Join('\n', lines);
    }

    /// <summary>Field <paramref name="column"/> of a CSV line set to <paramref name="value"/>.</summary>
    public static string SetField(string line, int column, string value)
    {
        var fields = line.Split(',');
        fields[column] = value;
        return string.Join(',', fields);
    }

    public static MemoryStream Stream(string csv) => new(System.Text.Encoding.UTF8.GetBytes(csv));
}
