using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Benchmarking;

/// <summary>How clinics are benchmarked.</summary>
public sealed record BenchmarkOptions
{
    /// <summary>The default small-cell threshold: clinics with fewer clients show no figures.</summary>
    public const int DefaultMinClients = 11;

    /// <summary>The outcome compared (default episode pain change).</summary>
    public BenchmarkOutcome Outcome { get; init; } = BenchmarkOutcome.EpisodeChange;

    /// <summary>Clinics (and cells) with fewer clients than this are suppressed everywhere (default 11).</summary>
    public int MinClients { get; init; } = DefaultMinClients;

    /// <summary>True: widen funnel limits and intervals by the estimated overdispersion φ (Spiegelhalter 2005).</summary>
    public bool Overdispersion { get; init; }

    /// <summary>Responder thresholds (default ≥ 2 points and ≥ 30 %).</summary>
    public ResponderCriteria Criteria { get; init; } = ResponderCriteria.Default;

    /// <summary>Throws <see cref="NmtInputException"/> for impossible options.</summary>
    public void Validate()
    {
        if (MinClients < 1)
        {
            throw new NmtInputException($"--min-clients must be at least 1 (got {MinClients}); the default is {DefaultMinClients}.");
        }
    }
}
