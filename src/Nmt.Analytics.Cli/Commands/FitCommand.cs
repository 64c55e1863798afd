using Nmt.Analytics.Inference;
using Nmt.Analytics.Models;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt fit DATA --formula F [--model ols|lmm|logit|glm|glmm] [--family binomial|poisson|gaussian] [--link L] [--cluster COL]
/// [--robust hc0|hc1|hc3] [--ml] [--nagq N] [--emmeans TERM [--pairwise] [--adjust A]] [--anova 2|3] [--compare F2] [--confidence C]
/// [--level session|episode] [--engine …]</c>: a <see cref="FitRequest"/> run by <see cref="Engines.EngineRequest.Fit"/> (docs/cli.md).
/// </summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var formula = Declare.Required<string>("--formula", "Model formula in R/lme4 syntax, e.g. \"pain_change ~ stress + region + (1 | client_id)\".");
        var model = Declare.Option("--model", "ols (default), lmm (linear mixed model), logit (= glm --family binomial), glm or glmm (generalized linear mixed model).", "ols")
            .OneOf([.. ModelFitter.Models]);
        var family = Declare.Option<string?>("--family", "GLM/GLMM: binomial (default), poisson or gaussian (GLM only).").OneOf("binomial", "poisson", "gaussian");
        var link = Declare.Option<string?>("--link", "GLM: logit, probit, log or identity (default: the family's canonical link).");
        var cluster = Declare.Option<string?>("--cluster", "OLS: cluster-robust (CR1) standard errors by this column, t with G-1 df.");
        var robust = Declare.Option<string?>("--robust", "OLS: heteroskedasticity-robust standard errors, hc0, hc1 or hc3.").OneOf("hc0", "hc1", "hc3");
        var ml = Declare.Option<bool>("--ml", "LMM: maximum likelihood instead of REML.");
        var compare = Declare.Option<string?>("--compare", "ols/lmm: a second formula; both models are compared by a likelihood-ratio test (mixed models refitted by ML, as lme4's anova).");
        var confidence = Declare.Option("--confidence", "Confidence level of the intervals.", 0.95);
        var level = Declare.Option("--level", "session (default) or episode (one row per client: first_pain_pre, last_pain_post, episode_change, ...).", "session");
        var format = CommonOptions.FormatOption();
        var nagq = Declare.Option("--nagq", "GLMM: quadrature points; 1 = Laplace (glmer's default), more = adaptive Gauss-Hermite for one scalar random effect.", 1);
        var emmeans = Declare.Option<string?>("--emmeans", "Estimated marginal means of a factor, or a:b for cells (as R emmeans).");
        var pairwise = Declare.Option<bool>("--pairwise", "All pairwise differences of the marginal means (as emmeans::pairs).");
        var adjust = Declare.Option<string?>("--adjust", "P-value adjustment of --pairwise: tukey (default), holm, bonferroni or none.").OneOf("tukey", "holm", "bonferroni", "none");
        var anova = Declare.Option<int?>("--anova", "ANOVA table of type 2 or 3 (lmerTest for lmm, car for ols, Wald chi-square for logit).");
        var engine = new EngineOptions();
        var command = new Command("fit", "Fit a regression model (OLS, linear mixed model, logistic or generalized linear model) from a formula.")
        {
            CommonOptions.DataArgument(), CommonOptions.DemoOption(), formula, model, family, link, cluster, robust, ml, compare, confidence, level, format, nagq,
            emmeans, pairwise, adjust, anova,
        };
        foreach (var option in engine.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => context.Print(parse.GetValue(format), () => engine.Read(parse).Fit(CommonOptions.Source(parse), new FitRequest
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
            Inference = new InferenceRequest(parse.GetValue(emmeans), parse.GetValue(pairwise), parse.GetValue(adjust), parse.GetValue(anova)) is { Any: true } asked ? asked : null,
        }, context.Error.WriteLine)));
        return command;
    }
}
