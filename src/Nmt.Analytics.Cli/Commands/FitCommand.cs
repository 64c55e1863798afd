using System.CommandLine;
using Nmt.Analytics.Data;
using Nmt.Analytics.Models;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt fit DATA --formula F [--model ols|lmm|logit|glm|glmm] [--family binomial|poisson|gaussian] [--link L] [--cluster COL]
/// [--robust hc0|hc1|hc3] [--ml] [--nagq N] [--emmeans TERM [--pairwise] [--adjust A]] [--anova 2|3] [--compare F2] [--confidence C] [--level session|episode]</c>: parse, call <see cref="ModelFitter.Fit"/>, print (docs/cli.md).
/// </summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var formula = new Option<string>("--formula") { Description = "Model formula in R/lme4 syntax, e.g. \"pain_change ~ stress + region + (1 | client_id)\".", Required = true };
        var model = new Option<string>("--model") { Description = "ols (default), lmm (linear mixed model), logit (= glm --family binomial), glm or glmm (generalized linear mixed model).", DefaultValueFactory = _ => "ols" };
        model.AcceptOnlyFromAmong([.. ModelFitter.Models]);
        var family = new Option<string?>("--family") { Description = "GLM/GLMM: binomial (default), poisson or gaussian (GLM only)." };
        family.AcceptOnlyFromAmong("binomial", "poisson", "gaussian");
        var link = new Option<string?>("--link") { Description = "GLM: logit, probit, log or identity (default: the family's canonical link)." };
        var nagq = new Option<int>("--nagq") { Description = "GLMM: quadrature points; 1 = Laplace (glmer's default), more = adaptive Gauss-Hermite for one scalar random effect.", DefaultValueFactory = _ => 1 };
        var inference = InferenceOptions.Create();
        var cluster = new Option<string?>("--cluster") { Description = "OLS: cluster-robust (CR1) standard errors by this column, t with G-1 df." };
        var robust = new Option<string?>("--robust") { Description = "OLS: heteroskedasticity-robust standard errors, hc0, hc1 or hc3." };
        robust.AcceptOnlyFromAmong("hc0", "hc1", "hc3");
        var ml = new Option<bool>("--ml") { Description = "LMM: maximum likelihood instead of REML." };
        var compare = new Option<string?>("--compare") { Description = "ols/lmm: a second formula; both models are compared by a likelihood-ratio test (mixed models refitted by ML, as lme4's anova)." };
        var confidence = new Option<double>("--confidence") { Description = "Confidence level of the intervals.", DefaultValueFactory = _ => 0.95 };
        var level = new Option<string>("--level") { Description = "session (default) or episode (one row per client: first_pain_pre, last_pain_post, episode_change, ...).", DefaultValueFactory = _ => "session" };
        var format = CliContext.FormatOption();
        var engine = new EngineOptions();
        var command = new Command("fit", "Fit a regression model (OLS, linear mixed model, logistic or generalized linear model) from a formula.");
        command.Arguments.Add(CommonOptions.DataArgument());
        foreach (var option in new Option[] { CommonOptions.DemoOption(), formula, model, family, link, cluster, robust, ml, compare, confidence, level, format, nagq }.Concat(inference.All))
        {
            command.Options.Add(option);
        }
        engine.AddTo(command);
        command.SetAction(parse => context.Guard(() =>
        {
            var request = new FitRequest
            {
                Formula = parse.GetValue(formula)!,
                Model = parse.GetValue(model)!,
                Family = parse.GetValue(family),
                Link = parse.GetValue(link),
                Cluster = parse.GetValue(cluster),
                Robust = parse.GetValue(robust),
                MaximumLikelihood = parse.GetValue(ml),
                Confidence = parse.GetValue(confidence),
                Compare = parse.GetValue(compare),
                Level = parse.GetValue(level)!,
                Nagq = parse.GetValue(nagq),
                Inference = inference.Read(parse),
            };
            if (engine.Requested(parse))
            {
                return EngineFit.Run(context, parse, engine, request, parse.GetValue(format));
            }
            var loaded = DataInput.LoadModelData(parse, context.Error);
            var analysis = FitAnalysis.Run(loaded.Table, request);
            Write(context, parse.GetValue(format), analysis, loaded.Account(analysis.Exclusions));
            return 0;
        }));
        return command;
    }

    private static void Write(CliContext context, OutputFormat format, FitAnalysis analysis, RowAccounting rows)
    {
        if (format == OutputFormat.Json)
        {
            context.WriteJson(rows.AddTo(analysis.ToJson()));
        }
        else
        {
            context.WriteTables(format, analysis.Tables());
            context.ReportRows(format, rows);
        }
    }
}
