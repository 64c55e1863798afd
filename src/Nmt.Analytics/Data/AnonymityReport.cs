using Nmt.Analytics.Results;

namespace Nmt.Analytics.Data;

/// <summary>
/// Privacy assessment of a dataset: direct identifiers found (refused), and k-anonymity over the quasi-identifiers
/// at the client level (one record per client): k is the size of the smallest group of clients sharing the same values.
/// </summary>
public sealed class AnonymityReport
{
    /// <summary>Creates a report.</summary>
    public AnonymityReport(IReadOnlyList<IdentifierFinding> directIdentifiers, long directIdentifierCount,
        IReadOnlyList<string> quasiIdentifiers, int clients, int k, int threshold, int clientsBelowThreshold,
        int groupsBelowThreshold, int groups, IReadOnlyList<QuasiIdentifierGroup> smallestGroups)
    {
        DirectIdentifiers = directIdentifiers;
        DirectIdentifierCount = directIdentifierCount;
        QuasiIdentifiers = quasiIdentifiers;
        Clients = clients;
        K = k;
        Threshold = threshold;
        ClientsBelowThreshold = clientsBelowThreshold;
        GroupsBelowThreshold = groupsBelowThreshold;
        Groups = groups;
        SmallestGroups = smallestGroups;
    }

    /// <summary>Direct identifiers found (capped like the validation issues; see <see cref="DirectIdentifierCount"/>).</summary>
    public IReadOnlyList<IdentifierFinding> DirectIdentifiers { get; }

    /// <summary>Total number of direct identifiers found.</summary>
    public long DirectIdentifierCount { get; }

    /// <summary>True when any direct identifier was found: such data is refused.</summary>
    public bool HasDirectIdentifiers => DirectIdentifierCount > 0;

    /// <summary>The quasi-identifier columns present in the data and used for k.</summary>
    public IReadOnlyList<string> QuasiIdentifiers { get; }

    /// <summary>Number of clients assessed.</summary>
    public int Clients { get; }

    /// <summary>Size of the smallest group of clients sharing all quasi-identifier values (0 when there are no clients).</summary>
    public int K { get; }

    /// <summary>The small-cell threshold (default 5).</summary>
    public int Threshold { get; }

    /// <summary>Clients in groups smaller than <see cref="Threshold"/>.</summary>
    public int ClientsBelowThreshold { get; }

    /// <summary>Groups smaller than <see cref="Threshold"/>.</summary>
    public int GroupsBelowThreshold { get; }

    /// <summary>Number of distinct quasi-identifier combinations.</summary>
    public int Groups { get; }

    /// <summary>The smallest groups (values and size only; never client ids).</summary>
    public IReadOnlyList<QuasiIdentifierGroup> SmallestGroups { get; }

    /// <summary>One-row tidy summary: clients, groups, k, threshold, clients and groups below it.</summary>
    public ResultTable SummaryTable()
    {
        var table = new ResultTable("anonymity", "quasi_identifiers", "clients", "groups", "k", "threshold",
            "clients_below_threshold", "groups_below_threshold", "direct_identifiers");
        table.AddRow(string.Join(";", QuasiIdentifiers), Clients, Groups, K, Threshold, ClientsBelowThreshold,
            GroupsBelowThreshold, DirectIdentifierCount);
        return table;
    }

    /// <summary>The smallest groups as a tidy table (one column per quasi-identifier, then <c>clients</c>).</summary>
    public ResultTable SmallestGroupsTable()
    {
        var table = new ResultTable("smallest groups", [.. QuasiIdentifiers, "clients"]);
        foreach (var group in SmallestGroups)
        {
            table.AddRow([.. QuasiIdentifiers.Select(q => (object?)group.Values[q]), group.Clients]);
        }
        return table;
    }
}
