using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Privacy;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Immediate pain change (<c>pain_post − pain_pre</c>) summarised by grouping and level.
/// </summary>
/// <remarks>
/// Columns: group, level, n_sessions, n_clients, mean, sd, ci_low, ci_high, session_mean, session_sd,
/// session_ci_low, session_ci_high, boot_ci_low, boot_ci_high, suppressed.
/// <para>Default (mean, sd, ci_*): client-level. Each client's sessions in the cell are averaged first, then the
/// mean, SD and t CI are taken across clients (df = n_clients − 1) — each client counts once, and the
/// independence assumption holds between clients. The session_* columns treat sessions as independent (their CI is
/// too narrow when a client's sessions are correlated); boot_ci_* is a percentile cluster bootstrap of the session
/// mean resampling clients (<see cref="ClusterBootstrap"/>).</para>
/// </remarks>
public sealed class PainChangeSummary
{
    private PainChangeSummary(ResultTable table, IReadOnlyList<RowExclusion> exclusions)
    {
        Table = table;
        Exclusions = exclusions;
    }

    /// <summary>The tidy summary table (with notes).</summary>
    public ResultTable Table { get; }

    /// <summary>Sessions left out of every cell (missing pain reading or client), with reasons.</summary>
    public IReadOnlyList<RowExclusion> Exclusions { get; }

    /// <summary>Summarises the sessions by each grouping in turn.</summary>
    public static PainChangeSummary Summarise(ColumnTable sessions, IEnumerable<SessionGrouping> groupings, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(groupings);
        options ??= SummaryOptions.Default;
        var change = PainChange.Compute(sessions);
        var clientColumn = sessions[SessionColumns.ClientId];
        var exclusions = new List<RowExclusion>();
        var usable = new List<int>();
        for (var row = 0; row < sessions.RowCount; row++)
        {
            var reason = double.IsNaN(change[row]) ? "missing pain_pre or pain_post"
                : CellKey.Of(clientColumn, row) is null ? "missing client_id" : null;
            if (reason is null)
            {
                usable.Add(row);
            }
            else
            {
                exclusions.Add(new RowExclusion(sessions.SourceLines[row], reason));
            }
        }
        var table = NewTable();
        foreach (var grouping in groupings)
        {
            SummariseGrouping(sessions, grouping, usable, change, options, table);
        }
        AddNotes(table, exclusions.GroupBy(e => e.Reason, StringComparer.Ordinal).Select(g => (g.Key, (long)g.Count())), options);
        return new PainChangeSummary(table, exclusions);
    }

    /// <summary>An empty summary table with the tidy columns.</summary>
    public static ResultTable NewTable() => new("Pain change", "group", "level", "n_sessions", "n_clients", "mean", "sd", "ci_low", "ci_high",
        "session_mean", "session_sd", "session_ci_low", "session_ci_high", "boot_ci_low", "boot_ci_high", "suppressed");

    private static void SummariseGrouping(ColumnTable sessions, SessionGrouping grouping, List<int> usable, double[] change,
        SummaryOptions options, ResultTable table)
    {
        var clientColumn = sessions[SessionColumns.ClientId];
        // level -> client -> that client's session changes in the cell (client order = first appearance)
        var cells = new Dictionary<string, Dictionary<string, List<double>>>(StringComparer.Ordinal);
        var unclassified = 0;
        foreach (var row in usable)
        {
            var levels = grouping.LevelsOf(sessions, row);
            if (levels is null)
            {
                unclassified++;
                continue;
            }
            foreach (var level in levels)
            {
                var clients = cells.TryGetValue(level, out var c) ? c : cells[level] = new(StringComparer.Ordinal);
                var client = CellKey.Of(clientColumn, row)!;
                (clients.TryGetValue(client, out var values) ? values : clients[client] = []).Add(change[row]);
            }
        }
        // Primary and complementary suppression per grouping, so no small cell follows from the others and the total.
        var suppressed = options.MinClients > 0
            ? CellSuppression.Suppress(cells.ToDictionary(c => c.Key, c => (long)c.Value.Count, StringComparer.Ordinal), options.MinClients)
            : new HashSet<string>();
        foreach (var level in grouping.Order(cells.Keys))
        {
            table.AddRow(Cell(grouping.Name, level, cells[level].Values.ToArray(), options, suppressed.Contains(level)));
        }
        AddUnclassifiedNote(table, grouping, unclassified);
    }

    /// <summary>The note on the usable sessions a grouping could not place.</summary>
    internal static void AddUnclassifiedNote(ResultTable table, SessionGrouping grouping, long unclassified)
    {
        if (unclassified > 0)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture,
                $"{grouping.Name}: {unclassified} session(s) with a missing or out-of-band {grouping.Column} left out of this grouping."));
        }
    }

    private static object?[] Cell(string group, string level, List<double>[] clients, SummaryOptions options, bool suppressed)
    {
        var nSessions = clients.Sum(c => c.Count);
        if (suppressed || clients.Length < options.MinClients)
        {
            return SuppressedRow(group, level);
        }
        var clientLevel = MeanInterval.Of(clients.Select(c => c.Average()).ToArray(), options.Confidence);
        var sessionLevel = MeanInterval.Of(clients.SelectMany(c => c).ToArray(), options.Confidence);
        object? bootLow = null, bootHigh = null;
        if (options.BootstrapReplicates > 0)
        {
            var seed = ClusterBootstrap.CellSeed(options.Seed, group + "|" + level);
            var (low, high) = ClusterBootstrap.MeanInterval(clients, options.BootstrapReplicates, seed, options.Confidence);
            (bootLow, bootHigh) = (low, high);
        }
        return Row(group, level, nSessions, clientLevel, sessionLevel, bootLow, bootHigh);
    }

    /// <summary>A published row: counts, the client-level and session-level summaries, the bootstrap limits (or null).</summary>
    internal static object?[] Row(string group, string level, long nSessions, MeanInterval clientLevel, MeanInterval sessionLevel, object? bootLow = null, object? bootHigh = null) =>
        [group, level, nSessions > int.MaxValue ? (object)nSessions : (int)nSessions, clientLevel.N, clientLevel.Mean, clientLevel.Sd, clientLevel.CiLow, clientLevel.CiHigh,
            sessionLevel.Mean, sessionLevel.Sd, sessionLevel.CiLow, sessionLevel.CiHigh, bootLow, bootHigh, false];

    /// <summary>A suppressed row: every figure null.</summary>
    internal static object?[] SuppressedRow(string group, string level) =>
        [group, level, null, null, null, null, null, null, null, null, null, null, null, null, true];

    /// <summary>The table's notes: definitions, the intervals, suppression, and the sessions left out by reason.</summary>
    internal static void AddNotes(ResultTable table, IEnumerable<(string Reason, long Count)> exclusions, SummaryOptions options)
    {
        var level = (options.Confidence * 100).ToString("0.##", CultureInfo.InvariantCulture);
        table.AddNote("pain_change = pain_post - pain_pre (NPRS points; negative = improvement).");
        table.AddNote($"mean/sd/ci: client-level - each client's sessions in the cell averaged first, then {level}% t CI across clients (df = n_clients - 1).");
        table.AddNote($"session_*: {level}% t CI treating sessions as independent (too narrow when a client's sessions are correlated).");
        if (options.BootstrapReplicates > 0)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture,
                $"boot_ci: percentile cluster bootstrap of the session mean, resampling clients, B = {options.BootstrapReplicates}, seed = {options.Seed}."));
        }
        if (options.MinClients > 0)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture,
                $"Cells with 1 to {options.MinClients - 1} clients are suppressed (every figure, counts included, null), and within each grouping enough further cells that none can be derived from the others (complementary suppression; docs/privacy.md)."));
        }
        foreach (var (reason, count) in exclusions)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Excluded {count} session(s): {reason}."));
        }
    }
}
