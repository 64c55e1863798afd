namespace Nmt.Analytics.Models;

/// <summary>Options of an OLS fit.</summary>
public sealed record OlsOptions
{
    /// <summary>Covariance estimator; <see cref="CovarianceType.CR1"/> requires <see cref="Clusters"/>.</summary>
    public CovarianceType Covariance { get; init; } = CovarianceType.Classical;

    /// <summary>Cluster label of each used observation (same order as the model frame's rows), for CR1.</summary>
    public IReadOnlyList<string>? Clusters { get; init; }

    /// <summary>Name of the cluster variable, for notes.</summary>
    public string? ClusterName { get; init; }

    /// <summary>Confidence level of the intervals (default 0.95).</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Old name of <see cref="Confidence"/>.</summary>
    [Obsolete("Use Confidence; Level will be removed in the next release.")]
    public double Level { get => Confidence; init => Confidence = value; }
}
