using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt fit --level session|episode</c>: the rows a model is fitted on. <c>episode</c> fits on one row per client
/// (<see cref="EpisodeTable"/>: first_pain_pre, last_pain_post, episode_change, …, client-level covariates), e.g. the
/// ANCOVA <c>last_pain_post ~ first_pain_pre + region</c> (Vickers &amp; Altman 2001). A number is read as the confidence
/// level, which this option set before it took a level of analysis.
/// </summary>
internal static class FitLevel
{
    /// <summary>The option (replaces the numeric <c>--level</c>; numbers keep working).</summary>
    public static Option<string> Create() => new("--level")
    {
        Description = "session (default) or episode (one row per client: first_pain_pre, last_pain_post, episode_change, ...). " +
                      "A number in (0, 1) is the confidence level of the intervals (default 0.95).",
        DefaultValueFactory = _ => "session",
    };

    /// <summary>The confidence level a numeric <c>--level</c> sets (0.95 otherwise).</summary>
    public static double Confidence(string level) =>
        double.TryParse(level, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value is > 0 and < 1 ? value : throw new NmtInputException($"--level {level}: a confidence level must lie between 0 and 1, e.g. 0.95.")
            : 0.95;

    /// <summary>The table to fit on, and the rows the episode step left out (empty for session level).</summary>
    public static (ColumnTable Table, IReadOnlyList<RowExclusion> Exclusions) Rows(ColumnTable sessions, string level)
    {
        if (level == "episode")
        {
            var episodes = EpisodeTable.Build(sessions);
            return (episodes.Episodes, episodes.Exclusions);
        }
        return level == "session" || double.TryParse(level, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? (sessions, [])
            : throw new NmtInputException($"--level {level}: use session or episode (or a confidence level such as 0.95).");
    }

    /// <summary>Adds the episode step's exclusions to the fit's <c>excluded_rows</c> and states the level.</summary>
    public static FitOutput Annotate(FitOutput output, string level, IReadOnlyList<RowExclusion> exclusions)
    {
        if (level == "episode")
        {
            output.Json["level"] = "episode";
            var rows = output.Json["excluded_rows"] as JsonArray ?? [];
            foreach (var e in exclusions)
            {
                rows.Add(new JsonObject { ["row"] = e.Line, ["reason"] = "client " + ExclusionReasons.WithoutClient(e.Reason) });
            }
            output.Json["excluded_rows"] = rows;
        }
        return output;
    }
}
