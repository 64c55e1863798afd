using System.CommandLine;
using Nmt.Analytics.Engines;
using Nmt.Analytics.Models;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt fit --engine …</c> / <c>--from-summaries …</c>: OLS or a linear mixed model fitted from sufficient statistics.</summary>
internal static class EngineFit
{
    public static int Run(CliContext context, ParseResult parse, EngineOptions engine, FitRequest request, OutputFormat format)
    {
        SummaryFit.CheckRequest(request);
        var statistics = engine.Summaries(parse, request.Formula, context);
        if (statistics is null)
        {
            return 0;
        }
        var fit = SummaryFit.Fit(statistics, request);
        if (format == OutputFormat.Json)
        {
            context.WriteJson(SummaryFit.ToJson(fit, statistics));
        }
        else
        {
            context.WriteTables(format, fit.Tables());
            context.Error.WriteLine(SummaryFit.ExclusionNote(statistics));
        }
        return 0;
    }
}
