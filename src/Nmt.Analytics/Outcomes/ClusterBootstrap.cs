using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Percentile cluster bootstrap of a session-weighted mean: resamples whole clients with replacement
/// (so the dependence of a client's sessions is kept), recomputes Σ sums / Σ counts, and takes the
/// α/2 and 1 − α/2 quantiles of the replicates (R's <c>quantile</c> type 7). Seeded and deterministic:
/// the same seed, data and B give the same interval on every machine (<see cref="Random"/> with a seed
/// uses a fixed algorithm).
/// </summary>
public static class ClusterBootstrap
{
    /// <summary>The percentile interval for the mean of all values of all clusters.</summary>
    /// <param name="clusters">Each client's values.</param>
    /// <param name="replicates">Number of bootstrap replicates B (≥ 1).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="confidence">Confidence level, e.g. 0.95.</param>
    public static (double Low, double High) MeanInterval(IReadOnlyList<IReadOnlyList<double>> clusters, int replicates, int seed, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        if (clusters.Count < 2)
        {
            return (double.NaN, double.NaN);
        }
        var sums = clusters.Select(c => c.Sum()).ToArray();
        var counts = clusters.Select(c => (double)c.Count).ToArray();
        var random = new Random(seed);
        var means = new double[replicates];
        for (var b = 0; b < replicates; b++)
        {
            double sum = 0, count = 0;
            for (var i = 0; i < sums.Length; i++)
            {
                var pick = random.Next(sums.Length);
                sum += sums[pick];
                count += counts[pick];
            }
            means[b] = sum / count;
        }
        Array.Sort(means);
        var alpha = 1 - confidence;
        return (Quantiles.Type7(means, alpha / 2), Quantiles.Type7(means, 1 - (alpha / 2)));
    }

    /// <summary>A per-cell seed derived from the user's seed and a stable (FNV-1a) hash of the cell's name, so a cell's
    /// interval does not depend on which other cells were summarised.</summary>
    public static int CellSeed(int seed, string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var hash = 2166136261u;
        foreach (var ch in cell)
        {
            hash = (hash ^ ch) * 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF) ^ seed;
    }
}
