using Nmt.Analytics.Results;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Leave-one-out sensitivity analysis (metafor <c>leave1out()</c>): the model refitted k times, each time without one study.
/// </summary>
public static class LeaveOneOut
{
    /// <summary>The k refits, in study order (null when fewer than 3 studies make a refit impossible).</summary>
    public static IReadOnlyList<MetaAnalysisResult> Refits(MetaAnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.K < 3)
        {
            throw new NmtInputException($"leave-one-out needs at least 3 studies; there are {result.K}.");
        }
        return Enumerable.Range(0, result.K)
            .Select(left => MetaAnalysis.Fit(result.Effects.Subset(Enumerable.Range(0, result.K).Where(i => i != left).ToArray()), result.Options))
            .ToArray();
    }

    /// <summary>One row per omitted study: estimate, SE, statistic, p, CI, Q, its p, τ², I², H².</summary>
    public static ResultTable Table(MetaAnalysisResult result)
    {
        var refits = Refits(result);
        var table = new ResultTable("Leave-one-out", "omitted_study", "estimate", "std_error", "statistic", "p_value", "ci_low", "ci_high",
            "q", "q_p", "tau2", "i2", "h2");
        for (var i = 0; i < refits.Count; i++)
        {
            var r = refits[i];
            table.AddRow(result.Effects.Studies[i].Study, r.Estimate, r.StdError, r.Statistic, r.PValue, r.CiLow, r.CiHigh, r.Q, r.QPValue,
                r.Tau2, r.I2, r.H2);
        }
        return table;
    }
}
