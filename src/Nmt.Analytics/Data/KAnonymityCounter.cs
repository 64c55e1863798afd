using System.Runtime.InteropServices;

namespace Nmt.Analytics.Data;

/// <summary>
/// Computes k-anonymity (Sweeney 2002) from the number of clients in each quasi-identifier group, a group being named by
/// its <see cref="Key"/>. Groups whose keys are equal are added up: the validator keeps a missing value and the text
/// "(missing)" apart, and the key text does not.
/// </summary>
internal sealed class KAnonymityCounter(IReadOnlyList<string> quasiIdentifiers)
{
    internal const string Missing = "(missing)";
    private const char Separator = '\u001F';

    public IReadOnlyList<string> QuasiIdentifiers { get; } = quasiIdentifiers;

    /// <summary>The key of a client's values (in <see cref="QuasiIdentifiers"/> order).</summary>
    public static string Key(IReadOnlyList<string?> values) =>
        string.Join(Separator, values.Select(v => string.IsNullOrEmpty(v) ? Missing : v));

    /// <summary>The report from the number of clients in each group (groups of no client are ignored).</summary>
    public AnonymityReport Report(IEnumerable<(string Key, int Clients)> groups, IReadOnlyList<IdentifierFinding> findings, long findingCount,
        LoadOptions options)
    {
        // Two plain passes over the (tens of thousands of) groups instead of four LINQ passes and a full sort.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var clients = 0;
        foreach (var (key, n) in groups)
        {
            if (n > 0)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += n;
                clients += n;
            }
        }
        int k = counts.Count == 0 ? 0 : int.MaxValue, smallClients = 0, smallGroups = 0;
        foreach (var n in counts.Values)
        {
            k = Math.Min(k, n);
            if (n < options.KThreshold)
            {
                (smallClients, smallGroups) = (smallClients + n, smallGroups + 1);
            }
        }
        var smallest = Smallest(counts, options.SmallestGroupsShown)
            .Select(c => new QuasiIdentifierGroup(Split(c.Key), c.Value))
            .ToList();
        return new AnonymityReport(findings, findingCount, QuasiIdentifiers, clients, k, options.KThreshold,
            smallClients, smallGroups, counts.Count, smallest);
    }

    /// <summary>
    /// The <paramref name="shown"/> smallest groups by size, then key: a bounded heap holds the smallest so far, so tens
    /// of thousands of groups cost one pass, not a sort.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, int>> Smallest(Dictionary<string, int> counts, int shown)
    {
        var order = Comparer<KeyValuePair<string, int>>.Create((a, b) =>
            a.Value != b.Value ? a.Value.CompareTo(b.Value) : string.CompareOrdinal(a.Key, b.Key));
        var largestFirst = Comparer<KeyValuePair<string, int>>.Create((a, b) => order.Compare(b, a));
        var kept = new PriorityQueue<KeyValuePair<string, int>, KeyValuePair<string, int>>(largestFirst);
        foreach (var group in counts)
        {
            if (kept.Count < shown)
            {
                kept.Enqueue(group, group);
            }
            else if (shown > 0 && order.Compare(group, kept.Peek()) < 0)
            {
                kept.EnqueueDequeue(group, group);
            }
        }
        return kept.UnorderedItems.Select(item => item.Element).Order(order);
    }

    private Dictionary<string, string> Split(string key)
    {
        var parts = QuasiIdentifiers.Count == 0 ? [] : key.Split(Separator);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < QuasiIdentifiers.Count; i++)
        {
            values[QuasiIdentifiers[i]] = parts[i];
        }
        return values;
    }
}
