using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Glm;
using Nmt.Analytics.Models.Glmm;
using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Models;

/// <summary>
/// The one entry point from a table and a <see cref="FitRequest"/> to a fitted model: checks that the options go
/// together, builds the model frame and dispatches to the model family. A new model is one arm here.
/// </summary>
public static class ModelFitter
{
    /// <summary>The models <see cref="Fit"/> knows.</summary>
    public static readonly IReadOnlyList<string> Models = ["ols", "lmm", "logit", "glm", "glmm"];

    /// <summary>Fits the requested model on <paramref name="table"/>.</summary>
    /// <exception cref="NmtInputException">Options that do not go together, a bad formula, or data the model cannot fit.</exception>
    public static IModelFit Fit(ColumnTable table, FitRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        CheckOptions(request);
        return request.Model switch
        {
            "ols" => FitOls(table, request),
            "logit" => LogisticModel.Fit(ModelFrameBuilder.Build(request.Formula, table), GlmOptionsOf(request)),
            "glm" => GeneralizedLinearModel.Fit(ModelFrameBuilder.Build(request.Formula, table), GlmOptionsOf(request)),
            "lmm" => FitLmm(table, request),
            "glmm" => FitGlmm(table, request),
            _ => throw new NmtInputException($"unknown model '{request.Model}'; use {string.Join(", ", Models)}."),
        };
    }

    private static void CheckOptions(FitRequest request)
    {
        if (!(request.Confidence is > 0 and < 1))
        {
            throw new NmtInputException($"--confidence must be a level between 0 and 1, e.g. 0.95 (got {request.Confidence}).");
        }
        if (request.Model is not ("lmm" or "glmm") && request.Formula.Contains('|', StringComparison.Ordinal))
        {
            throw new NmtInputException($"the formula has a random-effects term such as (1 | client_id), which --model {request.Model} would ignore; fit it with --model lmm (or drop the term).");
        }
        if (request.Model != "ols" && (request.Cluster is not null || request.Robust is not null))
        {
            throw new NmtInputException(request.Model == "lmm"
                ? "--cluster and --robust apply to --model ols only; a mixed model accounts for clustering through its random effects."
                : "--cluster and --robust apply to --model ols only; a generalized linear model reports model-based (Wald) standard errors.");
        }
        if (request.Model is not ("glm" or "logit" or "glmm") && (request.Family is not null || request.Link is not null))
        {
            throw new NmtInputException("--family and --link apply to --model glm and glmm only.");
        }
        if (request.Model == "glmm" && (request.Family is not (null or "binomial" or "poisson") || request.Link is not null))
        {
            throw new NmtInputException("--model glmm takes --family binomial (logit link) or poisson (log link).");
        }
        if (request.Compare is not null && request.Model is not ("ols" or "lmm"))
        {
            throw new NmtInputException("--compare applies to --model ols and lmm.");
        }
        if (request.Model == "logit" && request.Family is not (null or "binomial"))
        {
            throw new NmtInputException($"--model logit is the binomial family; use --model glm --family {request.Family}.");
        }
    }

    private static GlmOptions GlmOptionsOf(FitRequest request) => new()
    {
        Family = GlmFamily.Parse(request.Family ?? "binomial"),
        Link = request.Link is null ? null : GlmLink.Parse(request.Link),
        Confidence = request.Confidence,
    };

    private static OlsFit FitOls(ColumnTable table, FitRequest request)
    {
        var frameOptions = new ModelFrameOptions { RequiredColumns = request.Cluster is null ? [] : [request.Cluster] };
        var frame = ModelFrameBuilder.Build(request.Formula, table, frameOptions);
        var options = new OlsOptions { Confidence = request.Confidence, Covariance = Covariance(request) };
        if (request.Cluster is not null)
        {
            options = options with { Clusters = ClusterLabels.FromColumn(table, request.Cluster, frame), ClusterName = request.Cluster };
        }
        return OlsModel.Fit(frame, options);
    }

    /// <summary>Linear mixed model (REML unless ML is asked for), lme4 semantics with lmerTest's Satterthwaite df.</summary>
    private static LmmFit FitLmm(ColumnTable table, FitRequest request)
    {
        var frame = ModelFrameBuilder.Build(request.Formula, table);
        if (frame.RandomBlocks.Count == 0)
        {
            throw new NmtInputException($"--model lmm needs at least one random-effects term such as (1 | client_id) in the formula '{request.Formula}'.");
        }
        if (frame.RandomBlocks.FirstOrDefault(b => b.Levels.Count < 2) is { } single)
        {
            throw new NmtInputException($"the grouping factor '{single.Group}' has {single.Levels.Count} level(s) in the rows used; a random effect needs at least 2 groups (drop the term, or fit --model ols).");
        }
        return LinearMixedModel.Fit(frame, new LmmOptions { Reml = !request.MaximumLikelihood, ConfidenceLevel = request.Confidence });
    }

    /// <summary>Generalized linear mixed model by the Laplace approximation (lme4 glmer's default) or adaptive Gauss–Hermite.</summary>
    private static GlmmFit FitGlmm(ColumnTable table, FitRequest request)
    {
        var frame = ModelFrameBuilder.Build(request.Formula, table);
        var family = request.Family == "poisson" ? GlmmFamily.Poisson : GlmmFamily.Binomial;
        return GeneralizedLinearMixedModel.Fit(frame, new GlmmOptions { Family = family, Nagq = request.Nagq, ConfidenceLevel = request.Confidence }, table.SourceLines);
    }

    private static CovarianceType Covariance(FitRequest request) => (request.Cluster, request.Robust) switch
    {
        (not null, "hc3" or "hc0") => throw new NmtInputException("--cluster gives CR1 cluster-robust standard errors; it cannot be combined with --robust hc0 or hc3."),
        (not null, _) => CovarianceType.CR1,
        (null, "hc0") => CovarianceType.HC0,
        (null, "hc1") => CovarianceType.HC1,
        (null, "hc3") => CovarianceType.HC3,
        (null, null) => CovarianceType.Classical,
        _ => throw new NmtInputException($"unknown --robust '{request.Robust}'; use hc0, hc1 or hc3."),
    };
}
