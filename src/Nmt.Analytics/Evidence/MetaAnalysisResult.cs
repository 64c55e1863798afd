using System.Text.Json.Nodes;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Results;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// The result of <see cref="MetaAnalysis.Fit(EffectSizeSet, MetaAnalysisOptions?)"/>. Ratio measures (RR, OR) are on
/// the log scale; the <c>Exp…</c> members and the <c>exp_*</c> columns give them back-transformed.
/// </summary>
public sealed class MetaAnalysisResult
{
    internal MetaAnalysisResult(EffectSizeSet effects, MetaAnalysisOptions options, ModelFit fit, (double Low, double High) tau2Ci)
    {
        Effects = effects;
        Options = options;
        Estimate = fit.Beta[0];
        StdError = fit.StdError[0];
        Statistic = fit.Statistic[0];
        Df = fit.Df;
        PValue = fit.PValue[0];
        CiLow = fit.CiLow(0);
        CiHigh = fit.CiHigh(0);
        Tau2 = fit.Tau2;
        (Tau2CiLow, Tau2CiHigh) = tau2Ci;
        I2 = fit.I2;
        H2 = fit.H2;
        I2CiLow = 100 * Tau2CiLow / (fit.TypicalVariance + Tau2CiLow);
        I2CiHigh = 100 * Tau2CiHigh / (fit.TypicalVariance + Tau2CiHigh);
        Q = fit.Q;
        QPValue = fit.QPValue;
        Weights = fit.WeightsPercent;
        (PiLow, PiHigh) = PredictionInterval(fit, options);
    }

    /// <summary>The studies that were pooled.</summary>
    public EffectSizeSet Effects { get; }

    /// <summary>The options used.</summary>
    public MetaAnalysisOptions Options { get; }

    /// <summary>Effect-size measure.</summary>
    public EffectMeasure Measure => Effects.Measure;

    /// <summary>Number of studies.</summary>
    public int K => Effects.Count;

    /// <summary>Total participants over studies (NaN when unknown, e.g. GEN).</summary>
    public double TotalN => Effects.Studies.Sum(s => s.N);

    /// <summary>Pooled estimate μ̂ (log scale for ratios).</summary>
    public double Estimate { get; }

    /// <summary>Standard error of μ̂ (Hartung–Knapp adjusted under <c>--hk</c>).</summary>
    public double StdError { get; }

    /// <summary>z (or t under HK) statistic.</summary>
    public double Statistic { get; }

    /// <summary>Degrees of freedom of the t test (∞ for z).</summary>
    public double Df { get; }

    /// <summary>Two-sided p-value for μ = 0.</summary>
    public double PValue { get; }

    /// <summary>Lower confidence limit.</summary>
    public double CiLow { get; }

    /// <summary>Upper confidence limit.</summary>
    public double CiHigh { get; }

    /// <summary>Between-study variance τ̂².</summary>
    public double Tau2 { get; }

    /// <summary>Q-profile lower limit for τ² (NaN for the fixed-effect model).</summary>
    public double Tau2CiLow { get; }

    /// <summary>Q-profile upper limit for τ² (NaN for the fixed-effect model).</summary>
    public double Tau2CiHigh { get; }

    /// <summary>I² (%) : share of total variability due to heterogeneity.</summary>
    public double I2 { get; }

    /// <summary>Lower limit of I² implied by the τ² interval.</summary>
    public double I2CiLow { get; }

    /// <summary>Upper limit of I² implied by the τ² interval.</summary>
    public double I2CiHigh { get; }

    /// <summary>H² = total / sampling variability.</summary>
    public double H2 { get; }

    /// <summary>Cochran's Q.</summary>
    public double Q { get; }

    /// <summary>Degrees of freedom of Q (k − 1).</summary>
    public int QDf => K - 1;

    /// <summary>p-value of the Q test of homogeneity.</summary>
    public double QPValue { get; }

    /// <summary>Lower prediction limit for the true effect in a new study (NaN for the fixed-effect model).</summary>
    public double PiLow { get; }

    /// <summary>Upper prediction limit.</summary>
    public double PiHigh { get; }

    /// <summary>Study weights in percent (sum 100).</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Back-transformed estimate (exp for ratio measures; identity otherwise).</summary>
    public double ExpEstimate => Back(Estimate);

    /// <summary>Back-transformed lower CI limit.</summary>
    public double ExpCiLow => Back(CiLow);

    /// <summary>Back-transformed upper CI limit.</summary>
    public double ExpCiHigh => Back(CiHigh);

    /// <summary>Back-transformed lower prediction limit.</summary>
    public double ExpPiLow => Back(PiLow);

    /// <summary>Back-transformed upper prediction limit.</summary>
    public double ExpPiHigh => Back(PiHigh);

    /// <summary>Back-transforms a value on the analysis scale (exp for RR/OR).</summary>
    public double Back(double value) => Measure.IsRatio() ? Math.Exp(value) : value;

    /// <summary>One row: the pooled estimate with CI and prediction interval (plus exp_* columns for ratios).</summary>
    public ResultTable Tidy()
    {
        var ratio = Measure.IsRatio();
        string[] columns = ["term", "estimate", "std_error", "statistic", "df", "p_value", "ci_low", "ci_high", "pi_low", "pi_high"];
        var table = new ResultTable($"Pooled {Measure.Describe()} ({Options.MethodCode})",
            ratio ? [.. columns, "exp_estimate", "exp_ci_low", "exp_ci_high", "exp_pi_low", "exp_pi_high"] : columns);
        object?[] cells = ["overall", Estimate, StdError, Statistic, double.IsPositiveInfinity(Df) ? null : Df, PValue, CiLow, CiHigh, PiLow, PiHigh];
        table.AddRow(ratio ? [.. cells, ExpEstimate, ExpCiLow, ExpCiHigh, ExpPiLow, ExpPiHigh] : cells);
        AddNotes(table);
        return table;
    }

    /// <summary>One row of model-level statistics: k, τ² (with CI), τ, I² (with CI), H², Q, its df and p.</summary>
    public ResultTable Glance()
    {
        var table = new ResultTable("Heterogeneity", "measure", "method", "k", "tau2", "tau2_ci_low", "tau2_ci_high", "tau",
            "i2", "i2_ci_low", "i2_ci_high", "h2", "q", "q_df", "q_p", "test");
        table.AddRow(Measure.Code(), Options.MethodCode, K, Tau2, Tau2CiLow, Tau2CiHigh, Math.Sqrt(Tau2), I2, I2CiLow, I2CiHigh, H2,
            Q, QDf, QPValue, Options.HartungKnapp ? "knha" : "z");
        return table;
    }

    /// <summary>One row per study: effect, variance, its own 95 % CI and weight (%).</summary>
    public ResultTable StudyTable()
    {
        var ratio = Measure.IsRatio();
        string[] columns = ["study", "yi", "vi", "ci_low", "ci_high", "weight"];
        var table = new ResultTable("Studies", ratio ? [.. columns, "exp_yi", "exp_ci_low", "exp_ci_high"] : columns);
        var z = Distributions.NormalQuantile(1 - ((1 - Options.Level) / 2));
        for (var i = 0; i < K; i++)
        {
            var s = Effects.Studies[i];
            var half = z * Math.Sqrt(s.Vi);
            object?[] cells = [s.Study, s.Yi, s.Vi, s.Yi - half, s.Yi + half, Weights[i]];
            table.AddRow(ratio ? [.. cells, Back(s.Yi), Back(s.Yi - half), Back(s.Yi + half)] : cells);
        }
        return table;
    }

    /// <summary>
    /// The <c>nmt meta</c> JSON contract: measure, method, k, estimate, std_error, ci_low, ci_high, p_value, tau2, i2, q,
    /// q_p, pi_low, pi_high, studies[{study, yi, vi, weight}]; ratio measures add exp_estimate, exp_ci_low, exp_ci_high,
    /// exp_pi_low, exp_pi_high (and exp_yi per study). Only when present: <c>excluded_rows</c> [{row, reason}] (rows left
    /// out for missing values) and <c>notes</c> (e.g. zero-cell corrections) — exclusions are never silent.
    /// </summary>
    public JsonObject ToJson()
    {
        var obj = new JsonObject
        {
            ["measure"] = Measure.Code(),
            ["method"] = Options.MethodCode,
            ["k"] = K,
            ["estimate"] = Estimate,
            ["std_error"] = StdError,
            ["ci_low"] = CiLow,
            ["ci_high"] = CiHigh,
            ["p_value"] = PValue,
            ["tau2"] = Tau2,
            ["i2"] = I2,
            ["q"] = Q,
            ["q_p"] = QPValue,
            ["pi_low"] = PiLow,
            ["pi_high"] = PiHigh,
        };
        if (Measure.IsRatio())
        {
            obj["exp_estimate"] = ExpEstimate;
            obj["exp_ci_low"] = ExpCiLow;
            obj["exp_ci_high"] = ExpCiHigh;
            obj["exp_pi_low"] = ExpPiLow;
            obj["exp_pi_high"] = ExpPiHigh;
        }
        var studies = new JsonArray();
        for (var i = 0; i < K; i++)
        {
            var s = Effects.Studies[i];
            var study = new JsonObject { ["study"] = s.Study, ["yi"] = s.Yi, ["vi"] = s.Vi, ["weight"] = Weights[i] };
            if (Measure.IsRatio())
            {
                study["exp_yi"] = Back(s.Yi);
            }
            studies.Add(study);
        }
        obj["studies"] = studies;
        if (Effects.Excluded.Count > 0)
        {
            obj["excluded_rows"] = new JsonArray(Effects.Excluded
                .Select(e => (JsonNode?)new JsonObject { ["row"] = e.Line, ["reason"] = e.Reason }).ToArray());
        }
        if (Effects.Notes.Count > 0)
        {
            obj["notes"] = new JsonArray(Effects.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
        }
        return obj;
    }

    private void AddNotes(ResultTable table)
    {
        foreach (var e in Effects.Excluded)
        {
            table.AddNote($"line {e.Line} left out: {e.Reason}.");
        }
        foreach (var n in Effects.Notes)
        {
            table.AddNote(n);
        }
        if (Measure.IsRatio())
        {
            table.AddNote($"estimates are log {Measure.Describe()}s; exp_* columns are on the ratio scale.");
        }
        if (Options.HartungKnapp && Options.Method == Tau2Method.FixedEffect)
        {
            table.AddNote("the Hartung-Knapp adjustment is meant for random-effects models.");
        }
    }

    /// <summary>
    /// μ̂ ± crit·√(τ² + SE²): crit is z (metafor default), t(k − 1) under HK, or t(k − 2) for Riley et al. 2011
    /// (metafor <c>pi.type = "riley"</c>). None (NaN) for the fixed-effect model, which assumes one true effect.
    /// </summary>
    private static (double, double) PredictionInterval(ModelFit fit, MetaAnalysisOptions options)
    {
        if (options.Method == Tau2Method.FixedEffect)
        {
            return (double.NaN, double.NaN);
        }
        var alpha = 1 - options.Level;
        var crit = fit.Critical;
        if (options.PredictionInterval == PredictionIntervalKind.Riley)
        {
            var df = Math.Max(1, fit.K - fit.P - 1);
            crit = Distributions.TQuantile(1 - (alpha / 2), df);
        }
        var half = crit * Math.Sqrt(fit.Tau2 + (fit.StdError[0] * fit.StdError[0]));
        return (fit.Beta[0] - half, fit.Beta[0] + half);
    }
}
