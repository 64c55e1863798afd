using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Statistics;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>One box of the immediate-change chart.</summary>
/// <param name="Group">Level of the grouping (e.g. a technique code).</param>
/// <param name="Clients">Distinct clients.</param>
/// <param name="Box">Box statistics of pain_post − pain_pre over the group's sessions.</param>
/// <param name="Values">The session changes (all of them; the chart draws a sample).</param>
public sealed record ChangeGroup(string Group, int Clients, BoxStats Box, IReadOnlyList<double> Values);

/// <summary>
/// Immediate pain change within a session (pain_post − pain_pre, NPRS points; negative = less pain) per group as box
/// plots with a jittered sample of the sessions on top, and the number of sessions and clients under each label.
/// Groups with fewer than the minimum number of distinct clients are left out (noted on the chart).
/// </summary>
public static class ImmediateChangeChart
{
    /// <summary>The y-axis title.</summary>
    public static readonly string YTitle = ChartTheme.AxisTitle("Pain change, post − pre", "NPRS points");

    /// <summary>The groups with their statistics; groups under <paramref name="minClients"/> are not returned.</summary>
    public static IReadOnlyList<ChangeGroup> Groups(ColumnTable sessions, SessionGrouping? grouping, int minClients, out int suppressed)
    {
        ChartInputs.RequireSessionColumns(sessions, SessionColumns.ClientId, SessionColumns.PainPre, SessionColumns.PainPost);
        grouping ??= SessionGrouping.Technique;
        var clients = ChartInputs.ClientIds(sessions);
        var change = PainChange.Compute(sessions);
        var byGroup = new Dictionary<string, (HashSet<string> Clients, List<double> Values)>(StringComparer.Ordinal);
        for (var r = 0; r < sessions.RowCount; r++)
        {
            if (clients[r] is not { } client || double.IsNaN(change[r]) || grouping.LevelsOf(sessions, r) is not { } levels)
            {
                continue;
            }
            foreach (var level in levels)
            {
                if (!byGroup.TryGetValue(level, out var cell))
                {
                    byGroup[level] = cell = (new HashSet<string>(StringComparer.Ordinal), []);
                }
                cell.Clients.Add(client);
                cell.Values.Add(change[r]);
            }
        }
        suppressed = byGroup.Count(g => g.Value.Clients.Count < minClients);
        return grouping.Order(byGroup.Keys)
            .Where(g => byGroup[g].Clients.Count >= minClients)
            .Select(g => new ChangeGroup(g, byGroup[g].Clients.Count, BoxStats.Of(byGroup[g].Values), byGroup[g].Values))
            .ToArray();
    }

    /// <summary>Builds the plot (not yet saved).</summary>
    /// <param name="sessions">Session table (client_id, pain_pre, pain_post and the grouping column).</param>
    /// <param name="grouping">Boxes by this grouping; default technique (a session counts for each of its techniques).</param>
    /// <param name="minClients">Groups with fewer distinct clients are not drawn.</param>
    /// <param name="pointsPerGroup">At most this many sessions per group are drawn as jittered points (random sample).</param>
    /// <param name="seed">Seed of the point sample and the jitter.</param>
    /// <param name="title">Chart title.</param>
    public static Plot Create(ColumnTable sessions, SessionGrouping? grouping = null, int minClients = ChartTheme.DefaultMinClients,
        int pointsPerGroup = 150, int seed = 1, string? title = null)
    {
        grouping ??= SessionGrouping.Technique;
        var groups = Groups(sessions, grouping, minClients, out var suppressed);
        if (groups.Count == 0)
        {
            throw new NmtInputException($"no {grouping.Name} group has at least {minClients} clients to plot.");
        }
        var plot = new Plot();
        var random = new Random(seed);
        for (var i = 0; i < groups.Count; i++)
        {
            AddBox(plot, i, groups[i].Box, ChartTheme.Series(i));
            var sample = ChartInputs.Sample(groups[i].Values, pointsPerGroup, seed + i);
            var xs = sample.Select(_ => i + ((random.NextDouble() - 0.5) * 0.5)).ToArray();
            plot.Add.Markers(xs, sample.ToArray(), MarkerShape.FilledCircle, 5, ChartTheme.Translucent(ChartTheme.Ink, 0.35));
        }
        var zero = plot.Add.HorizontalLine(0);
        zero.LineColor = ChartTheme.Guide;
        zero.LinePattern = LinePattern.Dashed;
        ChartTheme.CategoryTicksBottom(plot, groups.Select(Label).ToArray());
        plot.Axes.SetLimitsX(-0.7, groups.Count - 0.3);
        ChartTheme.AddNote(plot, string.Create(CultureInfo.InvariantCulture,
            $"Groups with fewer than {minClients} clients not drawn ({suppressed} suppressed)\nbelow 0 = less pain"));
        ChartTheme.Apply(plot, title ?? $"Immediate pain change by {grouping.Name}", Capitalize(grouping.Name), YTitle);
        plot.Axes.Bottom.TickLabelStyle.FontSize = ChartTheme.TickFontSize - 2;
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension).</summary>
    public static void Save(ColumnTable sessions, string path, SessionGrouping? grouping = null, int minClients = ChartTheme.DefaultMinClients) =>
        ChartTheme.Save(Create(sessions, grouping, minClients), path);

    /// <summary>The tick label of a group: its name and, underneath, its number of sessions and clients.</summary>
    public static string Label(ChangeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return string.Create(CultureInfo.InvariantCulture, $"{group.Group}\nn = {group.Box.N} ({group.Clients} clients)");
    }

    private static void AddBox(Plot plot, int position, BoxStats stats, Color color)
    {
        var box = new Box
        {
            Position = position,
            BoxMin = stats.Q1,
            BoxMax = stats.Q3,
            BoxMiddle = stats.Median,
            WhiskerMin = stats.WhiskerLow,
            WhiskerMax = stats.WhiskerHigh,
            Width = 0.6,
        };
        // The BoxPlot's own colours override the box's, so style the plottable.
        var plottable = plot.Add.Box(box);
        plottable.FillColor = ChartTheme.Translucent(color, 0.45);
        plottable.LineColor = ChartTheme.Ink;
        plottable.LineWidth = 2;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].Replace('_', ' ');
}
