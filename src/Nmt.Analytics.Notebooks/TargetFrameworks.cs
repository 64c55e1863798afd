using System.Globalization;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Which of a package's target-framework folders (or nuspec dependency groups) the running .NET can use, and which
/// fits best: the highest <c>netX.Y</c>/<c>netcoreappX.Y</c> not above the runtime, else the highest
/// <c>netstandard</c>, else a group without a framework — the order NuGet's nearest-framework rule gives for
/// a <c>netX.0</c> consumer.
/// </summary>
internal static class TargetFrameworks
{
    private static readonly int Runtime = Environment.Version.Major;

    /// <summary>The best of <paramref name="names"/> (folder names or nuspec <c>targetFramework</c> values), or null.</summary>
    public static string? Best(IEnumerable<string> names) =>
        names.Select(n => (Name: n, Rank: Rank(n))).Where(x => x.Rank > 0).OrderByDescending(x => x.Rank).Select(x => x.Name).FirstOrDefault();

    /// <summary>Higher is better; 0 = not usable. An empty name (a dependency group without a framework) is usable, last.</summary>
    public static double Rank(string name)
    {
        var n = name.Trim().TrimStart('.').ToLowerInvariant();
        if (n.Length == 0 || n == "any")
        {
            return 1;
        }
        if (n.Contains('-', StringComparison.Ordinal))
        {
            return 0; // platform-specific (net8.0-android, …)
        }
        if (n.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return Version(n["netstandard".Length..]) is { } v && v <= 2.1 ? 10 + v : 0;
        }
        if (n.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return Version(n["netcoreapp".Length..]) is { } v && v <= Runtime ? 100 + v : 0;
        }
        if (n.StartsWith("net", StringComparison.Ordinal) && Version(n[3..]) is { } net && net >= 5 && net <= Runtime)
        {
            return 100 + net;
        }
        return 0; // .NET Framework (net48, net462, …) and anything unknown
    }

    private static double? Version(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
}
