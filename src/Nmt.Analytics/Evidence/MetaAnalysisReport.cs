using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Everything <c>nmt meta</c> reports: the pooled <see cref="MetaAnalysisResult"/>, the optional extra tables
/// (subgroups, meta-regression, leave-one-out, or the clinics of a within-network synthesis), the plain-language
/// <see cref="EvidenceSummary"/> and its JSON shape.
/// </summary>
public sealed class MetaAnalysisReport
{
    private MetaAnalysisReport(
        MetaAnalysisResult result, IReadOnlyList<(string Key, ResultTable Table)> extras, EvidenceSummary summary, string? agreement,
        IReadOnlyList<RowExclusion> excludedRows)
    {
        Result = result;
        Extras = extras;
        Summary = summary;
        Agreement = agreement;
        ExcludedRows = excludedRows;
    }

    /// <summary>The pooled analysis.</summary>
    public MetaAnalysisResult Result { get; }

    /// <summary>Extra tables with their JSON keys, in output order.</summary>
    public IReadOnlyList<(string Key, ResultTable Table)> Extras { get; }

    /// <summary>Plain-language statements (per subgroup level when a text subgroup column was given).</summary>
    public EvidenceSummary Summary { get; }

    /// <summary>Within-network synthesis only: whether the clinics agree, as one sentence; otherwise null.</summary>
    public string? Agreement { get; }

    /// <summary>Session rows left out (within-network synthesis only; empty for a study table).</summary>
    public IReadOnlyList<RowExclusion> ExcludedRows { get; }

    /// <summary>
    /// Meta-analysis of a study table: effect sizes by <paramref name="measure"/> (null: inferred from the columns),
    /// pooled, plus the requested subgroup analysis, meta-regression on one moderator and leave-one-out refits.
    /// </summary>
    public static MetaAnalysisReport ForStudies(
        ColumnTable studies, EffectMeasure? measure, MetaAnalysisOptions options, string? subgroup = null, string? moderator = null,
        bool leaveOneOut = false)
    {
        ArgumentNullException.ThrowIfNull(studies);
        var effects = EffectSizeCalculator.Compute(studies, measure ?? EffectMeasures.Infer(studies.ColumnNames));
        var result = MetaAnalysis.Fit(effects, options);
        return new MetaAnalysisReport(result, BuildExtras(result, subgroup, moderator, leaveOneOut), Summarise(result, subgroup, options, null), null, []);
    }

    /// <summary>Within-network synthesis of session data (see <see cref="ClinicContrastSynthesis.Run"/>); the clinics become the extra table.</summary>
    public static MetaAnalysisReport ForNetwork(
        ColumnTable sessions, string technique, EffectMeasure measure, MetaAnalysisOptions options, int minClients, string? subgroup = null)
    {
        var synthesis = ClinicContrastSynthesis.Run(sessions, technique, measure, options, minClients);
        var agreement = synthesis.Agreement();
        return new MetaAnalysisReport(
            synthesis.Pooled, [("clinics", synthesis.Tidy())], Summarise(synthesis.Pooled, subgroup, options, agreement), agreement, synthesis.ExcludedRows);
    }

    /// <summary>The tables printed as text or CSV: tidy, glance, studies, then the extras.</summary>
    public IReadOnlyList<ResultTable> Tables() => [Result.Tidy(), Result.Glance(), Result.StudyTable(), .. Extras.Select(e => e.Table)];

    /// <summary>
    /// The JSON result: <see cref="MetaAnalysisResult.ToJson"/>, the row accounting when given, then each extra table under
    /// its key (with <c>KEY_notes</c> when the table has notes).
    /// </summary>
    public JsonObject ToJson(RowAccounting? rows = null)
    {
        var json = Result.ToJson();
        rows?.AddTo(json);
        foreach (var (key, table) in Extras)
        {
            json[key] = table.ToJsonArray();
            if (table.Notes.Count > 0)
            {
                json[key + "_notes"] = new JsonArray(table.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
            }
        }
        return json;
    }

    private static EvidenceSummary Summarise(MetaAnalysisResult result, string? subgroup, MetaAnalysisOptions options, string? agreement) =>
        subgroup is not null && result.Effects.Rows[subgroup] is TextColumn
            ? EvidenceSummary.ByGroup(result.Effects, subgroup, options)
            : EvidenceSummary.FromResult(agreement is null ? "All studies" : "All clinics", result);

    private static List<(string Key, ResultTable Table)> BuildExtras(MetaAnalysisResult result, string? subgroup, string? moderator, bool leaveOneOut)
    {
        var extras = new List<(string, ResultTable)>();
        if (subgroup is not null)
        {
            extras.Add(("subgroups", SubgroupAnalysis.Fit(result.Effects, subgroup, result.Options).Tidy()));
        }
        if (moderator is not null)
        {
            var regression = MetaRegression.Fit(result.Effects, moderator, result.Options);
            extras.Add(("meta_regression", regression.Tidy()));
            extras.Add(("moderator_test", regression.Glance()));
        }
        if (leaveOneOut)
        {
            extras.Add(("leave_one_out", LeaveOneOut.Table(result)));
        }
        return extras;
    }
}
