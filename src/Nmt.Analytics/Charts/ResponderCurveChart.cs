using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>A client's time to response: the first session at which they met the responder criteria, or the last session seen (censored).</summary>
/// <param name="Client">Client id.</param>
/// <param name="Group">Group of the client's first session (e.g. technique), "all" without grouping.</param>
/// <param name="Session">Session number of the response, or of the last session when censored.</param>
/// <param name="Responded">True when the client became a responder; false = stopped before responding (censored).</param>
public sealed record ResponderTime(string Client, string Group, double Session, bool Responded);

/// <summary>
/// Cumulative proportion of clients who have become responders by session number, 1 − S(t) of a Kaplan–Meier fit:
/// clients who stop before responding are censored at their last session instead of counted as non-responders
/// (which assumes stopping is unrelated to prognosis — often not true; read with care). A client responds at the
/// first session whose pain_post is at least 2 NPRS points and 30 % below their first pain_pre (configurable).
/// </summary>
public static class ResponderCurveChart
{
    /// <summary>The y-axis title.</summary>
    public static readonly string YTitle = ChartTheme.AxisTitle("Responded", "cumulative proportion");

    /// <summary>Every client's time to response; clients without a usable first pain_pre (missing or 0) are counted in <paramref name="excluded"/>.</summary>
    public static IReadOnlyList<ResponderTime> Times(ColumnTable sessions, ResponderCriteria? criteria, SessionGrouping? grouping, out int excluded)
    {
        ChartInputs.RequireSessionColumns(sessions, SessionColumns.ClientId, SessionColumns.Session, SessionColumns.PainPre, SessionColumns.PainPost);
        criteria ??= ResponderCriteria.Default;
        grouping ??= SessionGrouping.Overall;
        var clients = ChartInputs.ClientIds(sessions);
        var session = sessions.Numeric(SessionColumns.Session).Values;
        var (pre, post) = (sessions.Numeric(SessionColumns.PainPre).Values, sessions.Numeric(SessionColumns.PainPost).Values);
        var times = new List<ResponderTime>();
        excluded = 0;
        foreach (var rows in Enumerable.Range(0, sessions.RowCount).Where(r => clients[r] is not null && !double.IsNaN(session[r]))
                     .GroupBy(r => clients[r]!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = rows.OrderBy(r => session[r]).ToArray();
            var baseline = pre[ordered[0]];
            if (!(baseline > 0))
            {
                excluded++;
                continue;
            }
            var response = ordered.FirstOrDefault(r => !double.IsNaN(post[r])
                && criteria.IsResponder(post[r] - baseline, 100 * (post[r] - baseline) / baseline), -1);
            var time = response >= 0 ? session[response] : session[ordered[^1]];
            foreach (var group in grouping.LevelsOf(sessions, ordered[0]) ?? [])
            {
                times.Add(new ResponderTime(rows.Key, group, time, response >= 0));
            }
        }
        return times;
    }

    /// <summary>Builds the plot (not yet saved).</summary>
    /// <param name="sessions">Session table (client_id, session, pain_pre, pain_post, and the grouping column).</param>
    /// <param name="grouping">One curve per level of the client's first session (default: one curve for all clients).</param>
    /// <param name="criteria">Responder criteria (default: ≥ 2 points and ≥ 30 %, Farrar 2001).</param>
    /// <param name="minClients">Groups with fewer clients are not drawn.</param>
    /// <param name="title">Chart title.</param>
    public static Plot Create(ColumnTable sessions, SessionGrouping? grouping = null, ResponderCriteria? criteria = null,
        int minClients = ChartTheme.DefaultMinClients, string? title = null)
    {
        grouping ??= SessionGrouping.Overall;
        var times = Times(sessions, criteria, grouping, out var excluded);
        var groups = grouping.Order(times.Select(t => t.Group))
            .Select(g => (Group: g, Times: times.Where(t => t.Group == g).ToArray()))
            .ToArray();
        var shown = groups.Where(g => g.Times.Length >= minClients).ToArray();
        if (shown.Length == 0)
        {
            throw new NmtInputException($"no {grouping.Name} group has at least {minClients} clients to plot.");
        }
        var plot = new Plot();
        for (var i = 0; i < shown.Length; i++)
        {
            var steps = KaplanMeier.Fit(shown[i].Times.Select(t => (t.Session, t.Responded)));
            var (xs, ys) = StepCoordinates(steps);
            var line = plot.Add.ScatterLine(xs, ys, ChartTheme.Series(i));
            line.LineWidth = 3;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{shown[i].Group} (n = {shown[i].Times.Length})");
        }
        plot.Axes.SetLimitsY(0, 1.3); // headroom for the note above the curves
        ChartTheme.IntegerTicksBottom(plot);
        ChartTheme.AddNote(plot, string.Create(CultureInfo.InvariantCulture,
            $"Kaplan–Meier; stopping before response = censored\nnot shown: {groups.Length - shown.Length} group(s) under {minClients} clients, {excluded} client(s) without a first pain_pre > 0"),
            Alignment.UpperLeft);
        ChartTheme.Apply(plot, title ?? "Time to response", "Session number", YTitle);
        ChartTheme.ShowLegend(plot, Alignment.LowerRight);
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension).</summary>
    public static void Save(ColumnTable sessions, string path, SessionGrouping? grouping = null) =>
        ChartTheme.Save(Create(sessions, grouping), path);

    /// <summary>The step path of 1 − S(t), starting at (0, 0) and jumping at each event time.</summary>
    public static (double[] Xs, double[] Ys) StepCoordinates(IReadOnlyList<KaplanMeierStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var (xs, ys) = (new List<double> { 0 }, new List<double> { 0 });
        foreach (var step in steps)
        {
            var value = 1 - step.Survival;
            if (value != ys[^1])
            {
                xs.Add(step.Time);
                ys.Add(ys[^1]);
            }
            xs.Add(step.Time);
            ys.Add(value);
        }
        return (xs.ToArray(), ys.ToArray());
    }
}
