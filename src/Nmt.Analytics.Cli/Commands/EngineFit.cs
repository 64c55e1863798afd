using System.CommandLine;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt fit --engine …</c> / <c>--from-summaries …</c>: OLS or a linear mixed model fitted from sufficient statistics.</summary>
internal static class EngineFit
{
    public static int Run(CliContext context, ParseResult parse, EngineOptions engine, FitRequest request, OutputFormat format)
    {
        if (request.Cluster is not null || request.Robust is not null || request.Model == "logit")
        {
            throw new NmtInputException("--engine and --from-summaries fit ols (classical standard errors) and lmm; robust and cluster-robust errors and logit need the rows in memory.");
        }
        var statistics = engine.Summaries(parse, request.Formula, context);
        if (statistics is null)
        {
            return 0;
        }
        var output = request.Model == "lmm"
            ? FitCommand.LmmOutput(SummaryFit.Lmm(statistics, new LmmOptions { Reml = !request.MaximumLikelihood, ConfidenceLevel = request.Level }))
            : FitCommand.OlsOutput(SummaryFit.Ols(statistics, request.Level), request);
        EngineOptions.AddCounts(output.Json, statistics);
        if (format != OutputFormat.Json)
        {
            context.Error.WriteLine(SummaryFit.ExclusionNote(statistics));
        }
        FitCommand.Write(context, format, output);
        return 0;
    }
}
