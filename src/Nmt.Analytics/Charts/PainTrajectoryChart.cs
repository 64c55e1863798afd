using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>One drawn (or suppressed) point of a pain trajectory: a group at a session number.</summary>
/// <param name="Group">Level of the grouping (e.g. a technique code).</param>
/// <param name="Session">Session number.</param>
/// <param name="Interval">Mean pain_pre across clients (each client's sessions in the cell averaged first) with its t-based CI.</param>
/// <param name="Suppressed">True when fewer than the minimum number of clients contributed; not drawn.</param>
public sealed record TrajectoryCell(string Group, int Session, MeanInterval Interval, bool Suppressed);

/// <summary>
/// Mean pain before each session (NPRS) by session number, one line per group with a shaded 95 % t-based CI across
/// clients, and optionally thin lines for a capped random sample of individual clients. Cells (group × session)
/// with fewer than the minimum number of distinct clients are not drawn, and a note on the chart says so.
/// </summary>
public static class PainTrajectoryChart
{
    /// <summary>The y-axis title.</summary>
    public static readonly string YTitle = ChartTheme.AxisTitle("Pain before session", "NPRS 0–10");

    /// <summary>The x-axis title.</summary>
    public const string XTitle = "Session number";

    /// <summary>Mean pain_pre with CI for every group × session cell, suppressed cells flagged.</summary>
    public static IReadOnlyList<TrajectoryCell> Cells(ColumnTable sessions, SessionGrouping? grouping = null,
        int minClients = ChartTheme.DefaultMinClients, double confidence = 0.95)
    {
        ChartInputs.RequireSessionColumns(sessions, SessionColumns.ClientId, SessionColumns.Session, SessionColumns.PainPre);
        grouping ??= SessionGrouping.Technique;
        var clients = ChartInputs.ClientIds(sessions);
        var session = sessions.Numeric(SessionColumns.Session).Values;
        var pain = sessions.Numeric(SessionColumns.PainPre).Values;
        var cells = new Dictionary<(string Group, int Session), Dictionary<string, List<double>>>();
        for (var r = 0; r < sessions.RowCount; r++)
        {
            if (clients[r] is not { } client || double.IsNaN(session[r]) || double.IsNaN(pain[r])
                || grouping.LevelsOf(sessions, r) is not { } levels)
            {
                continue;
            }
            foreach (var level in levels)
            {
                var key = (level, (int)session[r]);
                if (!cells.TryGetValue(key, out var byClient))
                {
                    cells[key] = byClient = new Dictionary<string, List<double>>(StringComparer.Ordinal);
                }
                if (!byClient.TryGetValue(client, out var values))
                {
                    byClient[client] = values = [];
                }
                values.Add(pain[r]);
            }
        }
        var order = grouping.Order(cells.Keys.Select(k => k.Group));
        return cells
            .OrderBy(c => IndexIn(order, c.Key.Group)).ThenBy(c => c.Key.Session)
            .Select(c =>
            {
                var interval = MeanInterval.Of(c.Value.Values.Select(v => v.Average()).ToArray(), confidence);
                return new TrajectoryCell(c.Key.Group, c.Key.Session, interval, interval.N < minClients);
            })
            .ToArray();
    }

    /// <summary>Builds the plot (not yet saved).</summary>
    /// <param name="sessions">Session table (client_id, session, pain_pre and the grouping column).</param>
    /// <param name="grouping">Lines by this grouping; default technique (a session counts for each of its techniques).</param>
    /// <param name="minClients">Cells with fewer distinct clients are not drawn.</param>
    /// <param name="clientLines">How many individual clients to draw as thin grey lines (random sample; 0 = none, capped at 30).</param>
    /// <param name="seed">Seed of the client sample.</param>
    /// <param name="title">Chart title.</param>
    public static Plot Create(ColumnTable sessions, SessionGrouping? grouping = null, int minClients = ChartTheme.DefaultMinClients,
        int clientLines = 0, int seed = 1, string? title = null)
    {
        grouping ??= SessionGrouping.Technique;
        var cells = Cells(sessions, grouping, minClients);
        var shown = cells.Where(c => !c.Suppressed).ToArray();
        if (shown.Length == 0)
        {
            throw new NmtInputException($"no {grouping.Name} × session cell has at least {minClients} clients to plot.");
        }
        var plot = new Plot();
        AddClientLines(plot, sessions, Math.Min(clientLines, MaxClientLines), seed);
        var groups = shown.Select(c => c.Group).Distinct(StringComparer.Ordinal).ToArray();
        for (var g = 0; g < groups.Length; g++)
        {
            AddGroup(plot, groups[g], shown.Where(c => c.Group == groups[g]).ToArray(), ChartTheme.Series(g));
        }
        var suppressed = cells.Count(c => c.Suppressed);
        ChartTheme.IntegerTicksBottom(plot);
        ChartTheme.AddNote(plot, SuppressionNote(minClients, suppressed));
        ChartTheme.Apply(plot, title ?? $"Pain over sessions by {grouping.Name} (mean, 95% CI)", XTitle, YTitle);
        ChartTheme.ShowLegend(plot);
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension).</summary>
    public static void Save(ColumnTable sessions, string path, SessionGrouping? grouping = null,
        int minClients = ChartTheme.DefaultMinClients, int clientLines = 0) =>
        ChartTheme.Save(Create(sessions, grouping, minClients, clientLines), path);

    /// <summary>The most individual client lines ever drawn.</summary>
    public const int MaxClientLines = 30;

    /// <summary>The note printed on the chart about small-cell suppression.</summary>
    public static string SuppressionNote(int minClients, int suppressedCells) => string.Create(CultureInfo.InvariantCulture,
        $"Cells with fewer than {minClients} clients not drawn ({suppressedCells} suppressed)");

    private static void AddGroup(Plot plot, string group, TrajectoryCell[] cells, Color color)
    {
        var first = true;
        foreach (var run in ConsecutiveRuns(cells))
        {
            var xs = run.Select(c => (double)c.Session).ToArray();
            var withCi = run.Where(c => !double.IsNaN(c.Interval.CiLow)).ToArray();
            if (withCi.Length > 1)
            {
                var band = plot.Add.FillY(withCi.Select(c => (double)c.Session).ToArray(),
                    withCi.Select(c => c.Interval.CiLow).ToArray(), withCi.Select(c => c.Interval.CiHigh).ToArray());
                band.FillColor = ChartTheme.Translucent(color, 0.2);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(xs, run.Select(c => c.Interval.Mean).ToArray(), color);
            line.LineWidth = 3;
            line.MarkerSize = 8;
            if (first)
            {
                line.LegendText = group;
                first = false;
            }
        }
    }

    /// <summary>Splits cells at gaps (suppressed or absent session numbers) so lines never bridge a hidden cell.</summary>
    private static IEnumerable<TrajectoryCell[]> ConsecutiveRuns(TrajectoryCell[] cells)
    {
        var run = new List<TrajectoryCell>();
        foreach (var cell in cells)
        {
            if (run.Count > 0 && cell.Session != run[^1].Session + 1)
            {
                yield return run.ToArray();
                run.Clear();
            }
            run.Add(cell);
        }
        if (run.Count > 0)
        {
            yield return run.ToArray();
        }
    }

    private static void AddClientLines(Plot plot, ColumnTable sessions, int count, int seed)
    {
        if (count <= 0)
        {
            return;
        }
        var clients = ChartInputs.ClientIds(sessions);
        var session = sessions.Numeric(SessionColumns.Session).Values;
        var pain = sessions.Numeric(SessionColumns.PainPre).Values;
        var ids = clients.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var id in ChartInputs.Sample(ids, count, seed))
        {
            var rows = Enumerable.Range(0, sessions.RowCount)
                .Where(r => clients[r] == id && !double.IsNaN(session[r]) && !double.IsNaN(pain[r]))
                .OrderBy(r => session[r]).ToArray();
            var line = plot.Add.ScatterLine(rows.Select(r => session[r]).ToArray(), rows.Select(r => pain[r]).ToArray(),
                ChartTheme.Translucent(ChartTheme.Guide, 0.35));
            line.LineWidth = 1;
        }
    }

    private static int IndexIn(IReadOnlyList<string> order, string level)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == level)
            {
                return i;
            }
        }
        return order.Count;
    }
}
