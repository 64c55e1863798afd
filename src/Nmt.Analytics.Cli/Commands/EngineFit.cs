using System.CommandLine;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Models;
using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt fit --engine …</c> / <c>--from-summaries …</c>: OLS or a linear mixed model fitted from sufficient statistics.</summary>
internal static class EngineFit
{
    public static int Run(CliContext context, ParseResult parse, EngineOptions engine, FitRequest request, OutputFormat format)
    {
        if (request.Cluster is not null || request.Robust is not null || request.Model is not ("ols" or "lmm"))
        {
            throw new NmtInputException("--engine and --from-summaries fit ols (classical standard errors) and lmm; robust and cluster-robust errors, logit, glm and glmm need the rows in memory.");
        }
        if (request.Compare is not null || request.Inference is not null || request.Level != "session")
        {
            throw new NmtInputException("--compare, --emmeans, --pairwise, --anova and --level episode need the rows in memory; drop --engine/--from-summaries.");
        }
        var statistics = engine.Summaries(parse, request.Formula, context);
        if (statistics is null)
        {
            return 0;
        }
        IModelFit fit = request.Model == "lmm"
            ? SummaryFit.Lmm(statistics, new LmmOptions { Reml = !request.MaximumLikelihood, ConfidenceLevel = request.Confidence })
            : SummaryFit.Ols(statistics, request.Confidence);
        if (format == OutputFormat.Json)
        {
            var json = fit.ToJson();
            EngineOptions.AddCounts(json, statistics);
            context.WriteJson(json);
        }
        else
        {
            context.WriteTables(format, fit.Tables());
            context.Error.WriteLine(SummaryFit.ExclusionNote(statistics));
        }
        return 0;
    }
}
