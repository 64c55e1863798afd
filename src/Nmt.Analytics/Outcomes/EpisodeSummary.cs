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
        var table = new ResultTable("Episodes", "outcome", "n_clients", "mean", "sd", "ci_low", "ci_high", "suppressed");
        var data = episodes.Episodes;
        AddMean(table, "episode_change", data.Numeric("episode_change").Values, options);
        AddMean(table, "episode_pct_change", data.Numeric("episode_pct_change").Values, options);
        var responder = data.Numeric("responder").Values.Where(v => !double.IsNaN(v)).ToArray();
        if (responder.Length < options.MinClients)
        {
            table.AddRow("responder_rate", null, null, null, null, null, true);
        }
        else
        {
            var yes = responder.Count(v => v == 1);
            var (low, high) = ProportionInterval.Wilson(yes, responder.Length, options.Confidence);
            table.AddRow("responder_rate", responder.Length, (double)yes / responder.Length, null, low, high, false);
        }
        AddNotes(table, episodes);
        return table;
    }

    private static void AddMean(ResultTable table, string outcome, double[] values, SummaryOptions options)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        if (present.Length < options.MinClients)
        {
            table.AddRow(outcome, null, null, null, null, null, true);
            return;
        }
        var m = MeanInterval.Of(present, options.Confidence);
        table.AddRow(outcome, m.N, m.Mean, m.Sd, m.CiLow, m.CiHigh, false);
    }

    private static void AddNotes(ResultTable table, EpisodeResult episodes)
    {
        table.AddNote("episode_change = last pain_post - first pain_pre (negative = improvement); episode_pct_change = 100 * episode_change / first pain_pre.");
        table.AddNote("responder: improvement >= " + episodes.Criteria.Points.Value.ToString("R", CultureInfo.InvariantCulture)
            + " points AND >= " + episodes.Criteria.Percent.Value.ToString("R", CultureInfo.InvariantCulture) + " %; Wilson score CI.");
        table.AddNote("Threshold source: " + episodes.Criteria.Points.Describe());
        table.AddNote("Threshold source: " + episodes.Criteria.Percent.Describe());
        foreach (var group in episodes.Exclusions.GroupBy(e => ExclusionReasons.WithoutClient(e.Reason), StringComparer.Ordinal))
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Excluded {group.Count()}: {group.Key}."));
        }
    }
}
