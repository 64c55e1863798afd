using System.Globalization;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Summary of whole episodes (one value per client, so clients are the independent units): episode change and
/// percentage change (mean, SD, t CI) and the responder rate with a Wilson CI. Thresholds are named with their sources.
/// </summary>
public static class EpisodeSummary
{
    /// <summary>Summarises an <see cref="EpisodeResult"/>; suppressed (figures null) when it has fewer than
    /// <see cref="SummaryOptions.MinClients"/> clients.</summary>
    public static ResultTable Summarise(EpisodeResult episodes, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        options ??= SummaryOptions.Default;
        var table = NewTable();
        var data = episodes.Episodes;
        AddMean(table, "episode_change", data.Numeric("episode_change").Values, options);
        AddMean(table, "episode_pct_change", data.Numeric("episode_pct_change").Values, options);
        var responder = data.Numeric("responder").Values.Where(v => !double.IsNaN(v)).ToArray();
        AddResponder(table, responder.Length, responder.Count(v => v == 1), options);
        AddNotes(table, episodes.Criteria, episodes.Exclusions.GroupBy(e => ExclusionReasons.WithoutClient(e.Reason), StringComparer.Ordinal).Select(g => (g.Key, (long)g.Count())));
        return table;
    }

    /// <summary>An empty episode table.</summary>
    internal static ResultTable NewTable() => new("Episodes", "outcome", "n_clients", "mean", "sd", "ci_low", "ci_high", "suppressed");

    private static void AddMean(ResultTable table, string outcome, double[] values, SummaryOptions options)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        AddMean(table, outcome, present.Length < options.MinClients ? null : MeanInterval.Of(present, options.Confidence));
    }

    /// <summary>A mean row, or a suppressed row when <paramref name="m"/> is null (fewer clients than the minimum).</summary>
    internal static void AddMean(ResultTable table, string outcome, MeanInterval? m)
    {
        if (m is null)
        {
            table.AddRow(outcome, null, null, null, null, null, true);
            return;
        }
        table.AddRow(outcome, m.N, m.Mean, m.Sd, m.CiLow, m.CiHigh, false);
    }

    /// <summary>The responder-rate row from the episodes with a defined responder status and those that responded.</summary>
    internal static void AddResponder(ResultTable table, long n, long yes, SummaryOptions options)
    {
        if (n < options.MinClients)
        {
            table.AddRow("responder_rate", null, null, null, null, null, true);
            return;
        }
        var (low, high) = ProportionInterval.Wilson(checked((int)yes), checked((int)n), options.Confidence);
        table.AddRow("responder_rate", n > int.MaxValue ? (object)n : (int)n, (double)yes / n, null, low, high, false);
    }

    /// <summary>Definitions, thresholds with their sources, and the exclusions counted by reason.</summary>
    internal static void AddNotes(ResultTable table, ResponderCriteria criteria, IEnumerable<(string Reason, long Count)> exclusions)
    {
        table.AddNote("episode_change = last pain_post - first pain_pre (negative = improvement); episode_pct_change = 100 * episode_change / first pain_pre.");
        table.AddNote("responder: improvement >= " + criteria.Points.Value.ToString("R", CultureInfo.InvariantCulture)
            + " points AND >= " + criteria.Percent.Value.ToString("R", CultureInfo.InvariantCulture) + " %; Wilson score CI.");
        table.AddNote("Threshold source: " + criteria.Points.Describe());
        table.AddNote("Threshold source: " + criteria.Percent.Describe());
        foreach (var (reason, count) in exclusions)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Excluded {count}: {reason}."));
        }
    }
}
