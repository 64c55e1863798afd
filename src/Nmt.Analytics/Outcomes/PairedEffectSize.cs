using Nmt.Analytics.Results;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// Standardized effect sizes for paired pre/post data, change = post − pre (negative = less pain):
/// <list type="bullet">
/// <item>Cohen's d_z = mean(change) / SD(change); CI from the noncentral t with df = n − 1 and
/// t = d_z·√n, limits δ/√n (Steiger &amp; Fouladi 1997; Lakens 2013 eq. 6).</item>
/// <item>Hedges' g_z = J·d_z with J = 1 − 3/(4·df − 1), df = n − 1 (Hedges 1981's approximation to the exact
/// gamma-function correction; Lakens 2013 eq. 4 with df = n − 1); its CI is the d_z CI multiplied by J.</item>
/// <item>d_av = mean(change) / ((SD(pre) + SD(post)) / 2) (Cumming 2012; Lakens 2013 eq. 10) and g_av = J·d_av.
/// No CI is given for d_av: its sampling distribution is not noncentral t (Algina &amp; Keselman 2003).</item>
/// </list>
/// </summary>
/// <param name="N">Number of pairs.</param>
/// <param name="MeanChange">Mean of post − pre.</param>
/// <param name="SdChange">SD of post − pre.</param>
/// <param name="SdPre">SD of the pre values.</param>
/// <param name="SdPost">SD of the post values.</param>
/// <param name="Dz">Cohen's d_z.</param>
/// <param name="DzCiLow">Lower noncentral-t limit of d_z.</param>
/// <param name="DzCiHigh">Upper noncentral-t limit of d_z.</param>
/// <param name="J">Small-sample correction J = 1 − 3/(4·(n − 1) − 1).</param>
/// <param name="Dav">Cohen's d_av.</param>
/// <param name="Confidence">Confidence level of the intervals.</param>
public sealed record PairedEffectSize(
    int N, double MeanChange, double SdChange, double SdPre, double SdPost,
    double Dz, double DzCiLow, double DzCiHigh, double J, double Dav, double Confidence)
{
    /// <summary>Hedges' g_z = J·d_z.</summary>
    public double Gz => J * Dz;

    /// <summary>Hedges' g_av = J·d_av.</summary>
    public double Gav => J * Dav;

    /// <summary>Computes the effect sizes; pairs with a missing value on either side are skipped.</summary>
    public static PairedEffectSize Compute(IReadOnlyList<double> pre, IReadOnlyList<double> post, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(pre);
        ArgumentNullException.ThrowIfNull(post);
        if (pre.Count != post.Count)
        {
            throw new ArgumentException("pre and post need the same length.", nameof(post));
        }
        var pairs = Enumerable.Range(0, pre.Count).Where(i => !double.IsNaN(pre[i]) && !double.IsNaN(post[i])).ToArray();
        var change = MeanInterval.Of(pairs.Select(i => post[i] - pre[i]).ToArray(), confidence);
        var sdPre = MeanInterval.Of(pairs.Select(i => pre[i]).ToArray()).Sd;
        var sdPost = MeanInterval.Of(pairs.Select(i => post[i]).ToArray()).Sd;
        return From(change, sdPre, sdPost, confidence);
    }

    /// <summary>The effect sizes from the summaries of the change and the SDs of the pre and post values of the same pairs.</summary>
    public static PairedEffectSize From(MeanInterval change, double sdPre, double sdPost, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(change);
        var n = change.N;
        var dz = change.Mean / change.Sd;
        var (low, high) = n >= 2 && double.IsFinite(dz)
            ? NoncentralT.NcpInterval(dz * Math.Sqrt(n), n - 1, confidence)
            : (double.NaN, double.NaN);
        var j = n >= 2 ? 1 - (3.0 / ((4.0 * (n - 1)) - 1)) : double.NaN;
        return new PairedEffectSize(n, change.Mean, change.Sd, sdPre, sdPost, dz, low / Math.Sqrt(n), high / Math.Sqrt(n), j,
            change.Mean / ((sdPre + sdPost) / 2), confidence);
    }

    /// <summary>Tidy rows: effect, estimate, ci_low, ci_high, n, method (prefixed by <paramref name="scope"/>).</summary>
    public void AddRowsTo(ResultTable table, string scope)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.AddRow(scope, "d_z", Dz, DzCiLow, DzCiHigh, N, "mean change / SD of change; noncentral-t CI");
        table.AddRow(scope, "g_z", Gz, J * DzCiLow, J * DzCiHigh, N, "J * d_z, J = 1 - 3/(4(n-1) - 1); CI = J * d_z CI");
        table.AddRow(scope, "d_av", Dav, null, null, N, "mean change / mean of pre and post SDs; no CI");
        table.AddRow(scope, "g_av", Gav, null, null, N, "J * d_av; no CI");
    }

    /// <summary>An empty effect-size table with the tidy columns.</summary>
    public static ResultTable NewTable() =>
        new("Effect sizes", "scope", "effect", "estimate", "ci_low", "ci_high", "n", "method");
}
