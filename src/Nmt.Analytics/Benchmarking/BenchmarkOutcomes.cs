namespace Nmt.Analytics.Benchmarking;

/// <summary>Contract names and direction of the <see cref="BenchmarkOutcome"/>s.</summary>
public static class BenchmarkOutcomes
{
    /// <summary>The names accepted by <c>--outcome</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["episode_change", "responder"];

    /// <summary>The contract name (the episode-table column), e.g. <c>episode_change</c>.</summary>
    public static string Name(this BenchmarkOutcome outcome) =>
        outcome == BenchmarkOutcome.Responder ? "responder" : "episode_change";

    /// <summary>True when a lower value is a better outcome (pain change: negative = improvement).</summary>
    public static bool LowerIsBetter(this BenchmarkOutcome outcome) => outcome == BenchmarkOutcome.EpisodeChange;

    /// <summary>Parses a contract name.</summary>
    /// <exception cref="NmtInputException">Unknown name.</exception>
    public static BenchmarkOutcome Parse(string name) => name switch
    {
        "episode_change" => BenchmarkOutcome.EpisodeChange,
        "responder" => BenchmarkOutcome.Responder,
        _ => throw new NmtInputException($"unknown outcome '{name}'; choose episode_change or responder."),
    };
}
