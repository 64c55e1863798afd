using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Prediction;

/// <summary>The rows a model learns from: predictors, target values, the client of each row, and what was left out.</summary>
/// <param name="Data">Predictor table: sessions (pain_change) or one row per client episode (responder).</param>
/// <param name="Labels">Target per row: pain change in NPRS points, or 1/0 for responder.</param>
/// <param name="Clients">Client id per row (the cross-validation grouping key).</param>
/// <param name="Exclusions">Rows left out, with reasons.</param>
internal sealed record PredictionFrame(ColumnTable Data, float[] Labels, string[] Clients, IReadOnlyList<RowExclusion> Exclusions)
{
    /// <summary>Builds the frame for <paramref name="options"/>' target from a session table.</summary>
    public static PredictionFrame Build(ColumnTable sessions, PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return options.Target == PredictionTarget.Responder
            ? ResponderEpisodes.Build(sessions, options.ResponderMinPoints, options.ResponderMinFraction, requireOutcome: true)
            : PainChangeFrame(sessions);
    }

    /// <summary>Client id per row as text (numeric ids formatted invariantly); null where missing.</summary>
    public static string?[] ClientKeys(ColumnTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table[SessionColumns.ClientId] switch
        {
            TextColumn t => t.Values,
            NumericColumn n => n.Values.Select(v => double.IsNaN(v) ? null : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            _ => throw new NmtInputException("column 'client_id' must hold one id per row.", null, SessionColumns.ClientId),
        };
    }

    private static PredictionFrame PainChangeFrame(ColumnTable sessions)
    {
        var clients = ClientKeys(sessions);
        var pre = sessions.Numeric("pain_pre").Values;
        var post = sessions.Numeric("pain_post").Values;
        var keep = new List<int>();
        var exclusions = new List<RowExclusion>();
        for (var i = 0; i < sessions.RowCount; i++)
        {
            var reason = clients[i] is null ? "missing client_id"
                : double.IsNaN(pre[i]) ? "missing pain_pre"
                : double.IsNaN(post[i]) ? "missing pain_post"
                : null;
            if (reason is null)
            {
                keep.Add(i);
            }
            else
            {
                exclusions.Add(new RowExclusion(sessions.SourceLines[i], reason));
            }
        }
        var labels = keep.Select(i => (float)(post[i] - pre[i])).ToArray();
        return new PredictionFrame(sessions.Take(keep), labels, keep.Select(i => clients[i]!).ToArray(), exclusions);
    }
}
