using Nmt.Analytics.Results;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Outcomes;

/// <summary>One distinct time of a Kaplan–Meier fit (as R's <c>summary(survfit(...), censored = TRUE)</c>).</summary>
/// <param name="Time">Event or censoring time.</param>
/// <param name="AtRisk">Number at risk just before <paramref name="Time"/>.</param>
/// <param name="Events">Events at the time.</param>
/// <param name="Censored">Censored at the time.</param>
/// <param name="Survival">Kaplan–Meier survival S(t).</param>
/// <param name="StdErrLog">Greenwood standard error of log S(t) (R's <c>std.err</c> of a survfit object).</param>
/// <param name="Lower">Lower confidence limit of S(t) (log transform, R's default).</param>
/// <param name="Upper">Upper confidence limit of S(t), capped at 1.</param>
public sealed record KaplanMeierStep(double Time, int AtRisk, int Events, int Censored, double Survival, double StdErrLog, double Lower, double Upper);

/// <summary>
/// The Kaplan–Meier product-limit estimator (Kaplan &amp; Meier 1958, JASA 53:457) with Greenwood's variance and
/// log-transformed confidence limits, matching R's <c>survival::survfit(Surv(time, status) ~ 1)</c> defaults.
/// </summary>
public static class KaplanMeier
{
    /// <summary>Fits the estimator to (time, event) pairs; event false = right-censored at that time.</summary>
    public static IReadOnlyList<KaplanMeierStep> Fit(IEnumerable<(double Time, bool Event)> observations, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var data = observations.Where(o => !double.IsNaN(o.Time)).ToArray();
        var z = Distributions.NormalCritical(confidence);
        var atRisk = data.Length;
        var (survival, greenwood) = (1.0, 0.0);
        var steps = new List<KaplanMeierStep>();
        foreach (var group in data.GroupBy(o => o.Time).OrderBy(g => g.Key))
        {
            var events = group.Count(o => o.Event);
            var censored = group.Count() - events;
            survival *= 1 - ((double)events / atRisk);
            // Greenwood: Var(log S) = Σ d / (n (n − d)).
            greenwood += events == atRisk ? double.PositiveInfinity : (double)events / (atRisk * (double)(atRisk - events));
            var se = Math.Sqrt(greenwood);
            var (lower, upper) = survival > 0 && double.IsFinite(se)
                ? (survival * Math.Exp(-z * se), Math.Min(1, survival * Math.Exp(z * se)))
                : (double.NaN, double.NaN);
            steps.Add(new KaplanMeierStep(group.Key, atRisk, events, censored, survival, se, lower, upper));
            atRisk -= group.Count();
        }
        return steps;
    }

    /// <summary>
    /// The fit as a tidy table (time, n_risk, n_event, n_censor, estimate, std_error, ci_low, ci_high), like broom::tidy;
    /// <c>conf_low</c>/<c>conf_high</c> repeat the limits under their old names for one release.
    /// </summary>
    public static ResultTable Tidy(IReadOnlyList<KaplanMeierStep> steps, string title = "Kaplan–Meier estimate")
    {
        ArgumentNullException.ThrowIfNull(steps);
        var table = new ResultTable(title, "time", "n_risk", "n_event", "n_censor", OutputNames.Estimate, OutputNames.StdError, OutputNames.CiLow, OutputNames.CiHigh, "conf_low", "conf_high");
        foreach (var s in steps)
        {
            table.AddRow(s.Time, s.AtRisk, s.Events, s.Censored, s.Survival, s.StdErrLog, s.Lower, s.Upper, s.Lower, s.Upper);
        }
        return table;
    }
}
