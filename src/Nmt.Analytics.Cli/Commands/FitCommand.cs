using System.CommandLine;
using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt fit DATA --formula F [--model ols|lmm|logit] [--cluster COL] [--robust hc1|hc3] [--ml] [--level L]</c>.</summary>
internal static class FitCommand
{
    public static Command Create(CliContext context) => Create(context, parse => DataInput.LoadModelTable(parse, context.Error));

    /// <summary>The command with an injected table loader (tests run the whole command in-process).</summary>
    internal static Command Create(CliContext context, Func<ParseResult, ColumnTable> load)
    {
        var data = CommonOptions.DataArgument();
        var demo = CommonOptions.DemoOption();
        var formula = new Option<string>("--formula") { Description = "Model formula in R/lme4 syntax, e.g. \"pain_change ~ stress + region + (1 | client_id)\".", Required = true };
        var model = new Option<string>("--model") { Description = "ols (default), lmm (linear mixed model) or logit.", DefaultValueFactory = _ => "ols" };
        model.AcceptOnlyFromAmong("ols", "lmm", "logit");
        var cluster = new Option<string?>("--cluster") { Description = "OLS: cluster-robust (CR1) standard errors by this column, t with G-1 df." };
        var robust = new Option<string?>("--robust") { Description = "OLS: heteroskedasticity-robust standard errors, hc1 or hc3." };
        robust.AcceptOnlyFromAmong("hc1", "hc3");
        var ml = new Option<bool>("--ml") { Description = "LMM: maximum likelihood instead of REML." };
        var level = new Option<double>("--level") { Description = "Confidence level of the intervals.", DefaultValueFactory = _ => 0.95 };
        var format = CliContext.FormatOption();
        var engine = new EngineOptions();
        var command = new Command("fit", "Fit a regression model (OLS, linear mixed model or logistic) from a formula.");
        command.Arguments.Add(data);
        foreach (var option in new Option[] { demo, formula, model, cluster, robust, ml, level, format })
        {
            command.Options.Add(option);
        }
        engine.AddTo(command);
        command.SetAction(parseResult => context.Guard(() =>
        {
            var request = new FitRequest(parseResult.GetValue(formula)!, parseResult.GetValue(model)!, parseResult.GetValue(cluster),
                parseResult.GetValue(robust), parseResult.GetValue(ml), parseResult.GetValue(level));
            if (engine.Requested(parseResult))
            {
                return EngineFit.Run(context, parseResult, engine, request, parseResult.GetValue(format));
            }
            var table = load(parseResult);
            Write(context, parseResult.GetValue(format), Fit(table, request));
            return 0;
        }));
        return command;
    }

    /// <summary>Fits the requested model on <paramref name="table"/> (the testable core of the command).</summary>
    public static FitOutput Fit(ColumnTable table, FitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Model switch
        {
            "ols" => FitOls(table, request),
            "logit" => FitLogit(table, request),
            "lmm" => FitLmm(table, request),
            _ => throw new NmtInputException($"unknown model '{request.Model}'; use ols, lmm or logit."),
        };
    }

    /// <summary>Linear mixed model (REML unless --ml), lme4 semantics with lmerTest's Satterthwaite df.</summary>
    private static FitOutput FitLmm(ColumnTable table, FitRequest request)
    {
        if (request.Cluster is not null || request.Robust is not null)
        {
            throw new NmtInputException("--cluster and --robust apply to --model ols only; a mixed model accounts for clustering through its random effects.");
        }
        var frame = ModelFrameBuilder.Build(request.Formula, table);
        if (frame.RandomBlocks.Count == 0)
        {
            throw new NmtInputException($"--model lmm needs at least one random-effects term such as (1 | client_id) in the formula '{request.Formula}'.");
        }
        return LmmOutput(LinearMixedModel.Fit(frame, new LmmOptions { Reml = !request.MaximumLikelihood, ConfidenceLevel = request.Level }));
    }

    /// <summary>The fit JSON and tables of a linear mixed model.</summary>
    internal static FitOutput LmmOutput(LmmFit fit)
    {
        var json = fit.ToJson();
        json["singular"] = fit.IsSingular;
        json["warnings"] = new JsonArray(fit.Warnings.Select(w => (JsonNode)w).ToArray());
        return new FitOutput(json, [fit.Tidy(), fit.RandomEffects(), fit.Correlations(), fit.Glance()]);
    }

    private static FitOutput FitOls(ColumnTable table, FitRequest request)
    {
        var frameOptions = new ModelFrameOptions { RequiredColumns = request.Cluster is null ? [] : [request.Cluster] };
        var frame = ModelFrameBuilder.Build(request.Formula, table, frameOptions);
        var options = new OlsOptions { Level = request.Level, Covariance = Covariance(request) };
        if (request.Cluster is not null)
        {
            options = options with { Clusters = ClusterLabels.FromColumn(table, request.Cluster, frame), ClusterName = request.Cluster };
        }
        return OlsOutput(OlsModel.Fit(frame, options), request);
    }

    /// <summary>The fit JSON and tables of an OLS fit.</summary>
    internal static FitOutput OlsOutput(OlsFit fit, FitRequest request)
    {
        var json = Header("ols", request.Formula, fit.Count, fit.Coefficients, fit.Exclusions);
        json["covariance"] = fit.CovarianceType.ToString();
        if (fit.ClusterCount is { } clusters)
        {
            json["n_clusters"] = new JsonObject { [request.Cluster!] = clusters };
        }
        json["r_squared"] = Number(fit.RSquared);
        json["adj_r_squared"] = Number(fit.AdjustedRSquared);
        json["sigma"] = Number(fit.Sigma);
        json["residual_variance"] = Number(fit.Sigma * fit.Sigma);
        json["f_statistic"] = Number(fit.FStatistic);
        json["f_p_value"] = Number(fit.FPValue);
        json["df_residual"] = fit.DfResidual;
        AddLikelihood(json, fit.LogLikelihood, fit.Aic, fit.Bic);
        json["notes"] = new JsonArray(fit.Notes.Select(n => (JsonNode)n).ToArray());
        return new FitOutput(json, [fit.Tidy(), fit.Glance()]);
    }

    private static FitOutput FitLogit(ColumnTable table, FitRequest request)
    {
        if (request.Cluster is not null || request.Robust is not null)
        {
            throw new NmtInputException("--cluster and --robust apply to --model ols only; logistic regression reports model-based (Wald) standard errors.");
        }
        var frame = ModelFrameBuilder.Build(request.Formula, table);
        var fit = LogisticModel.Fit(frame, new LogisticOptions { Level = request.Level });
        var json = Header("logit", request.Formula, fit.Count, fit.Coefficients, fit.Exclusions);
        json["odds_ratios"] = TermEstimate.ToTable("", fit.OddsRatios).ToJsonArray();
        json["deviance"] = Number(fit.Deviance);
        json["null_deviance"] = Number(fit.NullDeviance);
        json["df_residual"] = fit.DfResidual;
        AddLikelihood(json, fit.LogLikelihood, fit.Aic, fit.Bic);
        json["converged"] = fit.Converged;
        json["iterations"] = fit.Iterations;
        json["separation_suspected"] = fit.SeparationSuspected;
        json["notes"] = new JsonArray(fit.Notes.Select(n => (JsonNode)n).ToArray());
        return new FitOutput(json, [fit.Tidy(), fit.Tidy(exponentiate: true), fit.Glance()]);
    }

    private static CovarianceType Covariance(FitRequest request) => (request.Cluster, request.Robust) switch
    {
        (not null, "hc3") => throw new NmtInputException("--cluster gives CR1 cluster-robust standard errors; it cannot be combined with --robust hc3."),
        (not null, _) => CovarianceType.CR1,
        (null, "hc1") => CovarianceType.HC1,
        (null, "hc3") => CovarianceType.HC3,
        _ => CovarianceType.Classical,
    };

    /// <summary>The keys every fit shares (DESIGN.md fit contract).</summary>
    private static JsonObject Header(string model, string formula, int count, IEnumerable<TermEstimate> coefficients, IReadOnlyList<RowExclusion> exclusions) => new()
    {
        ["model"] = model,
        ["formula"] = formula,
        ["n_obs"] = count,
        ["fixed_effects"] = TermEstimate.ToTable("", coefficients).ToJsonArray(),
        ["excluded_rows"] = new JsonArray(exclusions.Select(e => (JsonNode)new JsonObject { ["row"] = e.Line, ["reason"] = e.Reason }).ToArray()),
    };

    private static void AddLikelihood(JsonObject json, double logLikelihood, double aic, double bic)
    {
        json["log_likelihood"] = Number(logLikelihood);
        json["aic"] = Number(aic);
        json["bic"] = Number(bic);
    }

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    internal static void Write(CliContext context, OutputFormat format, FitOutput output)
    {
        if (format == OutputFormat.Json)
        {
            context.WriteJson(output.Json);
        }
        else
        {
            context.WriteTables(format, output.Tables);
        }
    }
}
