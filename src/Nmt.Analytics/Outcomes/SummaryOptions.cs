namespace Nmt.Analytics.Outcomes;

/// <summary>Options of <see cref="PainChangeSummary"/>.</summary>
/// <param name="MinClients">Cells with fewer distinct clients are suppressed (figures null). Default 11; 0 shows everything
/// (library use only — anything shared must keep a minimum).</param>
/// <param name="BootstrapReplicates">Cluster-bootstrap replicates B; 0 (default) skips the bootstrap.</param>
/// <param name="Seed">Seed of the cluster bootstrap.</param>
/// <param name="Confidence">Confidence level of every interval.</param>
public sealed record SummaryOptions(int MinClients = 11, int BootstrapReplicates = 0, int Seed = 1, double Confidence = 0.95)
{
    /// <summary>The defaults: suppress cells under 11 clients, no bootstrap, 95 % intervals.</summary>
    public static SummaryOptions Default { get; } = new();
}
