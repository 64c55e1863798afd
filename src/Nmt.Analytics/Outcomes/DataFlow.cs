using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Privacy;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// How the data flowed from the file into the analyses (in the spirit of a CONSORT flow diagram): rows read → rows
/// excluded, by reason → sessions analysed → clients → episodes (clients with a computable episode). Counts of 1 to
/// <c>min − 1</c> are shown as "&lt;min" (e.g. "&lt;11"), never as the number.
/// </summary>
/// <param name="Steps">The boxes from top to bottom.</param>
public sealed record DataFlow(IReadOnlyList<DataFlowStep> Steps)
{
    /// <summary>The flow of a validated session table and the rows excluded while loading it.</summary>
    public static DataFlow Of(ColumnTable sessions, IReadOnlyList<RowExclusion> loadExclusions, int minClients)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(loadExclusions);
        var excludedRows = loadExclusions.Select(e => e.Line).Distinct().Count();
        var clients = sessions.RowCount == 0 ? 0 : ((TextColumn)sessions[SessionColumns.ClientId]).Levels().Count;
        var episodes = EpisodeTable.Build(sessions);
        string F(int n) => LinkedCellSuppression.Format(n, minClients);
        return new DataFlow(
        [
            new("Rows read", F(sessions.RowCount + excludedRows), ByReason(loadExclusions, minClients, "rows excluded")),
            new("Sessions analysed", F(sessions.RowCount), []),
            new("Clients", F(clients), []),
            new("Episodes (one per client)", F(episodes.Episodes.RowCount),
                ByReason(episodes.Exclusions.Where(e => e.Reason.Contains("episode excluded", StringComparison.Ordinal)).ToList(), minClients, "clients without an episode")),
        ]);
    }

    private static IReadOnlyList<string> ByReason(IReadOnlyList<RowExclusion> exclusions, int min, string what)
    {
        if (exclusions.Count == 0)
        {
            return [];
        }
        var lines = new List<string> { $"{LinkedCellSuppression.Format(exclusions.Select(e => e.Line).Distinct().Count(), min)} {what}:" };
        lines.AddRange(exclusions.GroupBy(e => ExclusionReasons.WithoutClient(e.Reason), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{LinkedCellSuppression.Format(g.Count(), min)} {g.Key}")));
        return lines;
    }
}
