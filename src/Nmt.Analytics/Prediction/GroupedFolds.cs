namespace Nmt.Analytics.Prediction;

/// <summary>
/// Client-grouped K-fold assignment: every client's rows land in exactly one fold, so no client is in both the
/// training and the test part of a split (sessions of one client are correlated; mixing them leaks).
/// </summary>
/// <remarks>
/// Explicit rather than ML.NET's <c>CrossValidate(samplingKeyColumnName)</c>, which also keeps a key's rows together
/// but assigns folds by hashing the key into ranges, so fold sizes vary and the split is implicit. Here the distinct
/// ids are sorted (ordinal), shuffled with <see cref="Random"/>(seed) and dealt round-robin: fold sizes differ by at
/// most one client and the assignment is identical for a seed on every machine.
/// </remarks>
public static class GroupedFolds
{
    /// <summary>Fold (0..K−1) of each row, given each row's client id.</summary>
    /// <exception cref="NmtInputException">Fewer distinct clients than folds.</exception>
    public static int[] Assign(IReadOnlyList<string> clients, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(clients);
        if (folds < 2)
        {
            throw new NmtInputException($"--folds must be at least 2 (got {folds}).");
        }
        var ids = clients.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (ids.Length < folds)
        {
            throw new NmtInputException($"only {ids.Length} client(s) for {folds} folds: client-grouped cross-validation needs "
                + $"at least one client per fold. Use --folds {Math.Max(2, ids.Length)} or fewer, or add clients.");
        }
        Shuffle(ids, new Random(seed));
        var foldOf = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            foldOf[ids[i]] = i % folds;
        }
        return clients.Select(c => foldOf[c]).ToArray();
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    internal static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
