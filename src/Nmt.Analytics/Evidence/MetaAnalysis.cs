using Nmt.Analytics.Evidence.EffectSizes;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Pools study effect sizes with a fixed-effect or random-effects model, as metafor's <c>rma(yi, vi, method=)</c>:
/// estimate, SE, CI, p, τ² with its Q-profile CI, Q, I², H² and the prediction interval.
/// </summary>
public static class MetaAnalysis
{
    /// <summary>Fits the model to <paramref name="effects"/>.</summary>
    /// <exception cref="NmtInputException">Fewer than two studies, or a non-positive sampling variance.</exception>
    public static MetaAnalysisResult Fit(EffectSizeSet effects, MetaAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(effects);
        options ??= new MetaAnalysisOptions();
        RequireUsable(effects);
        var yi = effects.Studies.Select(s => s.Yi).ToArray();
        var vi = effects.Studies.Select(s => s.Vi).ToArray();
        var x = ModelFit.InterceptOnly(yi.Length);
        var fit = ModelFit.Fit(yi, vi, x, options);
        var tau2Ci = options.Method == Tau2Method.FixedEffect
            ? (double.NaN, double.NaN)
            : QProfileTau2Interval.Compute(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(yi), vi, x, options.Level);
        return new MetaAnalysisResult(effects, options, fit, tau2Ci);
    }

    /// <summary>Fits the model to studies given directly.</summary>
    public static MetaAnalysisResult Fit(IReadOnlyList<StudyEffect> studies, EffectMeasure measure, MetaAnalysisOptions? options = null) =>
        Fit(new EffectSizeSet(measure, studies), options);

    /// <summary>Stops with a clear message when the studies cannot be pooled.</summary>
    internal static void RequireUsable(EffectSizeSet effects)
    {
        if (effects.Count < 2)
        {
            var excluded = effects.Excluded.Count == 0 ? "" : $" ({effects.Excluded.Count} row(s) were left out: {string.Join("; ", effects.Excluded.Take(5).Select(e => $"line {e.Line}: {e.Reason}"))})";
            throw new NmtInputException(
                $"a meta-analysis needs at least 2 studies; found {effects.Count}{excluded}. With one study, report its own effect and CI instead.");
        }
        foreach (var s in effects.Studies)
        {
            if (!(s.Vi > 0) || !double.IsFinite(s.Vi) || !double.IsFinite(s.Yi))
            {
                throw new NmtInputException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"study '{s.Study}' has effect {s.Yi} with sampling variance {s.Vi}; the variance must be a positive number."),
                    s.Line == 0 ? null : s.Line, "vi");
            }
        }
    }
}
