using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Inference;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>
/// What <c>nmt fit</c> presents: the fitted model plus what was asked of it after the fit (a likelihood-ratio
/// comparison with a second formula). One JSON document and one list of tidy tables.
/// </summary>
public sealed class FitAnalysis
{
    private FitAnalysis(IModelFit fit, IReadOnlyList<ComparisonRow>? comparison, string level, IReadOnlyList<RowExclusion> levelExclusions)
    {
        Fit = fit;
        Comparison = comparison;
        Level = level;
        Exclusions = [.. levelExclusions, .. fit.Exclusions];
    }

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
        if (request.Compare is not { } other)
        {
            return new FitAnalysis(fit, null, request.Level, dropped);
        }
        var second = ModelFitter.Fit(rows, request with { Formula = other, Compare = null });
        var comparison = (fit, second) switch
        {
            (Lmm.LmmFit a, Lmm.LmmFit b) => ModelComparison.Compare(a, b),
            (OlsFit a, OlsFit b) => ModelComparison.Compare(a, b),
            _ => throw new NmtInputException("--compare applies to --model ols and lmm."),
        };
        return new FitAnalysis(fit, comparison, request.Level, dropped);
    }

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
                throw new NmtInputException($"--level {level}: use session or episode.");
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
        return json;
    }

    /// <summary>The tidy tables in display order: the fit's, then the comparison.</summary>
    public IReadOnlyList<ResultTable> Tables() =>
        Comparison is null ? Fit.Tables() : [.. Fit.Tables(), ModelComparison.ToTable(Comparison)];
}
