namespace Nmt.Analytics.Privacy;

/// <summary>
/// Primary and complementary cell suppression for counts of clients, after the CMS cell-size suppression policy: no
/// figure for a cell of 1–10 clients, and when a cell is suppressed, enough other cells are suppressed that no
/// suppressed cell can be derived from the published total and the cells that remain (CMS, "Cell Size Suppression
/// Policy", 2020; Hundepool et al., <i>Statistical Disclosure Control</i>, Wiley 2012, ch. 4).
/// </summary>
/// <remarks>
/// Rule: the suppressed cells of one partition must be at least two and hold together at least
/// <c>minClients</c> clients, so subtracting the published cells from the total reveals only an aggregate of
/// <c>minClients</c> or more clients, never one small cell. Complements are the smallest published cells, so the
/// fewest clients are hidden. The rule depends only on the counts, so every output of the same data hides the
/// same cells and no combination of outputs reveals one either.
/// </remarks>
public static class CellSuppression
{
    /// <summary>The minimum number of clients a published cell must hold (cells of 1–10 are suppressed).</summary>
    public const int DefaultMinClients = 11;

    /// <summary>True when a cell of <paramref name="clients"/> clients must not be published (1 to min − 1).</summary>
    public static bool IsSmall(long clients, int minClients = DefaultMinClients) => clients > 0 && clients < minClients;

    /// <summary>
    /// The cells of one partition to suppress: every small cell (primary) plus the smallest other cells needed so
    /// that the suppressed cells are at least two and hold at least <paramref name="minClients"/> clients together.
    /// </summary>
    /// <param name="clientsPerCell">Clients per cell of one partition (cells with 0 clients publish nothing and are ignored).</param>
    /// <param name="minClients">Minimum published cell size (default 11).</param>
    public static IReadOnlySet<string> Suppress(IReadOnlyDictionary<string, long> clientsPerCell, int minClients = DefaultMinClients)
    {
        ArgumentNullException.ThrowIfNull(clientsPerCell);
        var suppressed = new HashSet<string>(clientsPerCell.Where(c => IsSmall(c.Value, minClients)).Select(c => c.Key), StringComparer.Ordinal);
        if (suppressed.Count == 0)
        {
            return suppressed;
        }
        var hidden = suppressed.Sum(c => clientsPerCell[c]);
        var complements = clientsPerCell.Where(c => c.Value > 0 && !suppressed.Contains(c.Key))
            .OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal);
        foreach (var (cell, clients) in complements)
        {
            if (suppressed.Count >= 2 && hidden >= minClients)
            {
                break;
            }
            suppressed.Add(cell);
            hidden += clients;
        }
        return suppressed;
    }
}
