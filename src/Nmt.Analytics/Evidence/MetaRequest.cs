using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// <c>nmt meta</c>: a random-effects meta-analysis of a study table (<see cref="MetaAnalysisReport.ForStudies"/>) or,
/// with <see cref="Network"/>, the within-network synthesis of session data (<see cref="MetaAnalysisReport.ForNetwork"/>);
/// optionally a forest plot written to a file.
/// </summary>
public sealed record MetaRequest
{
    /// <summary>What is said when neither a study table nor <c>--demo</c> was given.</summary>
    public const string NoStudies = "no data: give a study table file, or --demo for the bundled synthetic example.";

    /// <summary>SMD, MD, RR, OR, RD or GEN; null: inferred from the columns (network: MD).</summary>
    public string? Measure { get; init; }

    /// <summary>The tau² estimator: REML, DL, FE or PM.</summary>
    public string Method { get; init; } = "REML";

    /// <summary>Hartung–Knapp–Sidik–Jonkman t(k − 1) inference.</summary>
    public bool HartungKnapp { get; init; }

    /// <summary>The prediction interval: null (metafor's normal-theory interval) or <c>riley</c> (<see cref="ParsePredictionInterval"/>).</summary>
    public string? PredictionInterval { get; init; }

    /// <summary>Column to pool by level, with a test of subgroup differences.</summary>
    public string? Subgroup { get; init; }

    /// <summary>Column of a one-moderator meta-regression (study tables).</summary>
    public string? Moderator { get; init; }

    /// <summary>Refit without each study in turn (study tables).</summary>
    public bool LeaveOneOut { get; init; }

    /// <summary>A technique: the source is session data, pooled per clinic with against without it.</summary>
    public string? Network { get; init; }

    /// <summary>Network: clinics with fewer clients in either group are left out.</summary>
    public int MinClients { get; init; } = 11;

    /// <summary>Where to write the forest plot (PNG or SVG), or null.</summary>
    public string? Forest { get; init; }

    /// <summary>Replace an existing <see cref="Forest"/> file.</summary>
    public bool Force { get; init; }

    /// <summary>The pooling options.</summary>
    /// <exception cref="NmtInputException">An unknown method or prediction interval.</exception>
    public MetaAnalysisOptions Options() => new()
    {
        Method = MetaAnalysisOptions.ParseMethod(Method),
        HartungKnapp = HartungKnapp,
        PredictionInterval = ParsePredictionInterval(PredictionInterval),
    };

    /// <summary><c>riley</c> → t(k − 2) (Riley et al. 2011); null, <c>normal</c>, <c>z</c> or <c>default</c> → metafor's normal-theory interval.</summary>
    /// <exception cref="NmtInputException">Any other value.</exception>
    public static PredictionIntervalKind ParsePredictionInterval(string? value) => value?.ToUpperInvariant() switch
    {
        null or "NORMAL" or "Z" or "DEFAULT" => PredictionIntervalKind.Normal,
        "RILEY" => PredictionIntervalKind.Riley,
        _ => throw new NmtInputException($"unknown --pi '{value}'. Use 'riley' (or leave it out for metafor's default)."),
    };

    /// <summary>
    /// Runs the analysis on <paramref name="source"/> (a study table, or session data for <see cref="Network"/>) and
    /// writes the forest plot with <paramref name="drawForest"/> (result, path) when <see cref="Forest"/> is set.
    /// </summary>
    /// <exception cref="NmtInputException">Bad options, unusable data, or an existing forest file without <see cref="Force"/>.</exception>
    public ResultOutput Run(DataSource source, Action<MetaAnalysisResult, string>? drawForest = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var options = Options();
        var forestPath = Forest is null ? null : OutputFiles.CheckFile(Forest, Force);
        var measure = Measure is null ? (EffectMeasure?)null : EffectMeasures.Parse(Measure);
        MetaAnalysisReport report;
        RowAccounting? rows = null;
        if (Network is not null)
        {
            var loaded = source.LoadSessions();
            report = MetaAnalysisReport.ForNetwork(loaded.Table, Network, measure ?? EffectMeasure.MeanDifference, options, MinClients, Subgroup);
            rows = loaded.Account(report.ExcludedRows);
        }
        else
        {
            var studies = source.Open(DemoStudies.Load, StudyTableReader.ReadFile, NoStudies);
            report = MetaAnalysisReport.ForStudies(studies, measure, options, Subgroup, Moderator, LeaveOneOut);
        }
        string[] written = [];
        if (forestPath is not null && drawForest is not null)
        {
            OutputFiles.WriteFile(forestPath, Force, path => drawForest(report.Result, path));
            written = [$"forest plot written to {forestPath}"];
        }
        return Present(report, rows) with { Messages = written };
    }

    /// <summary>
    /// The output of <paramref name="report"/>: its JSON (with the row accounting of a network), its tables (CSV adds
    /// the evidence summary table) and, as text, the evidence summary as sentences.
    /// </summary>
    public static ResultOutput Present(MetaAnalysisReport report, RowAccounting? rows)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ResultOutput(() => report.ToJson(rows), report.Tables())
        {
            Rows = rows,
            CsvTables = [.. report.Tables(), report.Summary.Table()],
            TextLines = ["Evidence summary", .. report.Summary.Statements.Select(s => "- " + s.Sentence), .. report.Agreement is null ? [] : new[] { "- " + report.Agreement }],
        };
    }
}
