using System.Text.Json.Nodes;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// A fitted linear mixed model (lme4's <c>lmer</c> with lmerTest's Satterthwaite tests). Fixed-effect intervals are
/// Wald intervals with Satterthwaite-df t quantiles (lme4's <c>confint</c> default is the profile interval; ours are
/// the ones lmerTest's <c>summary</c> tests correspond to).
/// </summary>
public sealed partial class LmmFit
{
    internal LmmFit(ModelFrame frame, LmmOptions options)
    {
        Frame = frame;
        Options = options;
    }

    /// <summary>The data the model was fitted to (kept so that a likelihood-ratio test can refit by ML).</summary>
    public ModelFrame Frame { get; }

    /// <summary>The settings used.</summary>
    public LmmOptions Options { get; }

    /// <summary>True for REML, false for ML.</summary>
    public bool Reml => Options.Reml;

    /// <summary>Number of observations.</summary>
    public int Nobs { get; internal init; }

    /// <summary>Fixed effects with Satterthwaite t tests and Wald-t confidence intervals.</summary>
    public IReadOnlyList<TermEstimate> FixedEffects { get; internal init; } = [];

    /// <summary>Var(β̂) = σ̂² (R_XᵀR_X)⁻¹, in the order of <see cref="FixedEffects"/>.</summary>
    public Matrix<double> FixedCovariance { get; internal init; } = Matrix<double>.Build.Dense(0, 0);

    /// <summary>Variance and standard deviation of every random-effect term.</summary>
    public IReadOnlyList<VarianceComponent> VarianceComponents { get; internal init; } = [];

    /// <summary>Correlations between random-effect terms of the same grouping factor.</summary>
    public IReadOnlyList<RandomEffectCorrelation> RandomCorrelations { get; internal init; } = [];

    private Lazy<IReadOnlyList<ConditionalMode>> _conditionalModes = new(() => []);

    /// <summary>Conditional modes (BLUPs) with conditional standard deviations, per group level and term (computed on first use).</summary>
    public IReadOnlyList<ConditionalMode> ConditionalModes => _conditionalModes.Value;

    /// <summary>How to compute <see cref="ConditionalModes"/> when first asked (one solve per group level; not needed for the fixed effects).</summary>
    internal Func<IReadOnlyList<ConditionalMode>> ConditionalModeSource { init => _conditionalModes = new(value); }

    /// <summary>Residual standard deviation σ̂.</summary>
    public double Sigma { get; internal init; }

    /// <summary>Residual variance σ̂².</summary>
    public double ResidualVariance => Sigma * Sigma;

    /// <summary>Log-likelihood (the REML log-likelihood for REML fits, as lme4's <c>logLik</c>).</summary>
    public double LogLikelihood { get; internal init; }

    /// <summary>The optimised criterion: REML criterion or ML deviance (−2 log-likelihood).</summary>
    public double Criterion => -2 * LogLikelihood;

    /// <summary>Number of estimated parameters (fixed effects + θ + σ), lme4's <c>attr(logLik, "df")</c>.</summary>
    public int ParameterCount => FixedEffects.Count + Theta.Count + 1;

    /// <summary>Akaike information criterion, −2 logLik + 2 df.</summary>
    public double Aic => Criterion + (2.0 * ParameterCount);

    /// <summary>Bayesian information criterion, −2 logLik + log(n) df.</summary>
    public double Bic => Criterion + (Math.Log(Nobs) * ParameterCount);

    /// <summary>The relative covariance parameters θ̂ in lme4's order.</summary>
    public IReadOnlyList<double> Theta { get; internal init; } = [];

    /// <summary>lme4-style names of θ.</summary>
    public IReadOnlyList<string> ThetaNames { get; internal init; } = [];

    /// <summary>Number of levels per grouping factor.</summary>
    public IReadOnlyDictionary<string, int> NumberOfGroups { get; internal init; } = new Dictionary<string, int>();

    /// <summary>True if the optimiser met its convergence criteria.</summary>
    public bool Converged { get; internal init; }

    /// <summary>Objective evaluations used by the optimiser.</summary>
    public int Evaluations { get; internal init; }

    /// <summary>How the optimum was found and checked: evaluations, final gradient, boundary, restarts.</summary>
    public OptimizerSummary Optimizer { get; internal init; } = new(0, double.NaN, false, 0, "");

    /// <summary>lme4's <c>isSingular</c>: a diagonal element of θ̂ is (nearly) zero — a variance of zero or a correlation of ±1.</summary>
    public bool IsSingular { get; internal init; }

    /// <summary>Plain-language warnings (singular fit, non-convergence).</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>The fixed-effects table (term, estimate, std_error, statistic, df, p_value, ci_low, ci_high).</summary>
    public ResultTable Tidy() => WithWarnings(TermEstimate.ToTable("Fixed effects", FixedEffects));

    /// <summary>Random-effect variances (group, term, variance, std_dev); the residual is in <see cref="Glance"/>.</summary>
    [Obsolete("Use VarianceComponentTable(); RandomEffects() will be removed in the next release.")]
    public ResultTable RandomEffects()
    {
        var table = new ResultTable("Random effects", "group", "term", "variance", "std_dev");
        foreach (var v in VarianceComponents)
        {
            table.AddRow(v.Group, v.Term, v.Variance, v.StdDev);
        }
        table.AddRow("Residual", "", ResidualVariance, Sigma);
        return table;
    }

    /// <summary>Random-effect correlations (group, term1, term2, correlation).</summary>
    public ResultTable Correlations()
    {
        var table = new ResultTable("Random-effect correlations", "group", "term1", "term2", "correlation");
        foreach (var c in RandomCorrelations)
        {
            table.AddRow(c.Group, c.Term1, c.Term2, c.Correlation);
        }
        return table;
    }

    /// <summary>One-row model summary.</summary>
    public ResultTable Glance()
    {
        var table = new ResultTable("Model", "nobs", "ngroups", "sigma", "log_lik", "aic", "bic", "deviance", "reml_criterion", "converged", "singular");
        table.AddRow(Nobs, string.Join("; ", NumberOfGroups.Select(kv => $"{kv.Key}={kv.Value}")), Sigma, LogLikelihood, Aic, Bic,
            Reml ? null : Criterion, Reml ? Criterion : null, Converged, IsSingular);
        return WithWarnings(table);
    }

    /// <summary>Conditional modes (group, level, term, estimate, std_error).</summary>
    [Obsolete("Use ConditionalModeTable(); Ranef() will be removed in the next release.")]
    public ResultTable Ranef()
    {
        var table = new ResultTable("Conditional modes", "group", "level", "term", "estimate", "std_error");
        foreach (var m in ConditionalModes)
        {
            table.AddRow(m.Group, m.Level, m.Term, m.Estimate, m.StdError);
        }
        return table;
    }

    /// <summary>Conditional modes of one grouping factor and term, keyed by level.</summary>
    public IReadOnlyDictionary<string, ConditionalMode> ConditionalModesOf(string group, string term) =>
        ConditionalModes.Where(m => m.Group == group && m.Term == term).ToDictionary(m => m.Level, StringComparer.Ordinal);

    /// <summary>The fit JSON object of the CLI contract (<c>model</c> = <c>lmm</c>).</summary>
    public JsonObject ToJson()
    {
        var groups = new JsonObject();
        foreach (var kv in NumberOfGroups)
        {
            groups[kv.Key] = kv.Value;
        }
        var excluded = new JsonArray();
        foreach (var e in Frame.Exclusions)
        {
            excluded.Add(new JsonObject { ["row"] = e.Line, ["reason"] = e.Reason });
        }
        var randomEffects = new ResultTable("", "group", "term", "variance", "std_dev");
        foreach (var v in VarianceComponents)
        {
            randomEffects.AddRow(v.Group, v.Term, v.Variance, v.StdDev);
        }
        return new JsonObject
        {
            ["model"] = "lmm",
            ["formula"] = Frame.Formula,
            ["n_obs"] = Nobs,
            ["n_groups"] = groups,
            ["fixed_effects"] = TermEstimate.ToTable("", FixedEffects).ToJsonArray(),
            ["random_effects"] = randomEffects.ToJsonArray(),
            ["correlations"] = Correlations().ToJsonArray(),
            ["residual_variance"] = ResidualVariance,
            ["log_likelihood"] = LogLikelihood,
            ["aic"] = Aic,
            ["bic"] = Bic,
            ["reml"] = Reml,
            ["converged"] = Converged,
            ["optimizer"] = Optimizer.ToJson(),
            ["excluded_rows"] = excluded,
        };
    }

    private ResultTable WithWarnings(ResultTable table)
    {
        foreach (var w in Warnings)
        {
            table.AddNote(w);
        }
        return table;
    }
}
