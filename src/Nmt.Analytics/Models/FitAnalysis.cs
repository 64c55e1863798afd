using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Inference;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>
/// What <c>nmt fit</c> presents: the fitted model plus what was asked of it after the fit (a likelihood-ratio
/// comparison with a second formula, marginal means, contrasts, ANOVA). One JSON document and one list of tidy tables.
/// </summary>
public sealed class FitAnalysis
{
    private FitAnalysis(IModelFit fit, IReadOnlyList<ComparisonRow>? comparison, string level, IReadOnlyList<RowExclusion> levelExclusions,
        InferenceResults? inference)
    {
        Fit = fit;
        Inference = inference;
        Comparison = comparison;
        Level = level;
        Exclusions = [.. levelExclusions, .. fit.Exclusions];
    }

    /// <summary>Marginal means, contrasts and ANOVA (<c>--emmeans</c>, <c>--pairwise</c>, <c>--anova</c>), or null.</summary>
    public InferenceResults? Inference { get; }

    /// <summary><c>session</c> or <c>episode</c>: the rows the model was fitted on.</summary>
    public string Level { get; }

    /// <summary>The rows left out: by the episode step (client identifiers removed from the reasons), then by the model frame.</summary>
    public IReadOnlyList<RowExclusion> Exclusions { get; }

    /// <summary>The fitted model.</summary>
    public IModelFit Fit { get; }

    /// <summary>The model comparison (<c>--compare</c>), in order of increasing number of parameters, or null.</summary>
    public IReadOnlyList<ComparisonRow>? Comparison { get; }

    /// <summary>Fits <paramref name="request"/> on <paramref name="table"/> and runs what it asks after the fit.</summary>
    /// <exception cref="NmtInputException">Options that do not go together, a bad formula, or data the model cannot fit.</exception>
    public static FitAnalysis Run(ColumnTable table, FitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (rows, dropped) = RowsAt(table, request.Level);
        var fit = ModelFitter.Fit(rows, request);
        var inference = request.Inference is { Any: true } asked
            ? InferenceResults.Compute(SourceOf(fit, rows, request), rows, asked, request.Confidence)
            : null;
        if (request.Compare is not { } other)
        {
            return new FitAnalysis(fit, null, request.Level, dropped, inference);
        }
        var second = ModelFitter.Fit(rows, request with { Formula = other, Compare = null });
        var comparison = (fit, second) switch
        {
            (Lmm.LmmFit a, Lmm.LmmFit b) => ModelComparison.Compare(a, b),
            (OlsFit a, OlsFit b) => ModelComparison.Compare(a, b),
            _ => throw new NmtInputException("--compare applies to --model ols and lmm."),
        };
        return new FitAnalysis(fit, comparison, request.Level, dropped, inference);
    }

    /// <summary>What marginal means, contrasts and ANOVA read from a fit: its coefficients, covariance, df rule and link.</summary>
    private static IInferenceSource SourceOf(IModelFit fit, ColumnTable rows, FitRequest request) => fit switch
    {
        Lmm.LmmFit lmm => new LmmSource(lmm),
        Glmm.GlmmFit glmm => FixedEffectsSource.Asymptotic("glmm", glmm.Frame, glmm.FixedEffects, glmm.FixedCovariance,
            glmm.Family == Glmm.GlmmFamily.Poisson ? LinkFunction.Log : LinkFunction.Logit),
        Glm.GlmFit glm => FixedEffectsSource.FromGlm(glm, ModelFrameBuilder.Build(request.Formula, rows)),
        OlsFit ols when request.Robust is null && request.Cluster is null => FixedEffectsSource.FromOls(ols, ModelFrameBuilder.Build(request.Formula, rows)),
        _ => throw new NmtInputException("--emmeans, --pairwise and --anova use model-based standard errors; drop --robust/--cluster, or use --model lmm for clustered data."),
    };

    /// <summary>The table to fit on at <paramref name="level"/>, and the rows the episode step left out.</summary>
    private static (ColumnTable Rows, IReadOnlyList<RowExclusion> Dropped) RowsAt(ColumnTable sessions, string level)
    {
        switch (level)
        {
            case "session":
                return (sessions, []);
            case "episode":
                var episodes = EpisodeTable.Build(sessions);
                return (episodes.Episodes, [.. episodes.Exclusions.Select(e => new RowExclusion(e.Line, "client " + ExclusionReasons.WithoutClient(e.Reason)))]);
            default:
                throw new NmtInputException($"--level {level}: use session or episode (the confidence level of the intervals is --confidence).");
        }
    }

    /// <summary>The fit JSON (docs/cli.md) with <c>comparison</c> when one was asked for.</summary>
    public JsonObject ToJson()
    {
        var json = Fit.ToJson();
        if (Level != "session")
        {
            json["level"] = Level;
        }
        if (Comparison is not null)
        {
            json["comparison"] = ModelComparison.ToJson(Comparison);
        }
        Inference?.AddTo(json);
        return json;
    }

    /// <summary>The tidy tables in display order: the fit's, then the comparison.</summary>
    public IReadOnlyList<ResultTable> Tables() =>
        [.. Fit.Tables(), .. Comparison is null ? [] : new[] { ModelComparison.ToTable(Comparison) }, .. Inference?.Tables() ?? []];
}
