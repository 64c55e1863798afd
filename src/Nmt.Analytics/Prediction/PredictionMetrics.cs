namespace Nmt.Analytics.Prediction;

/// <summary>Out-of-sample accuracy measures for predictions <c>p</c> of outcomes <c>y</c>.</summary>
public static class PredictionMetrics
{
    /// <summary>Root mean squared error √(Σ(y−p)²/n).</summary>
    public static double Rmse(IReadOnlyList<double> y, IReadOnlyList<double> p) => Math.Sqrt(Mean(y, p, (a, b) => (a - b) * (a - b)));

    /// <summary>Mean absolute error Σ|y−p|/n.</summary>
    public static double Mae(IReadOnlyList<double> y, IReadOnlyList<double> p) => Mean(y, p, (a, b) => Math.Abs(a - b));

    /// <summary>
    /// R² = 1 − Σ(y−p)² / Σ(y−ȳ)², with ȳ the mean of the evaluated (test) outcomes, as ML.NET and caret's
    /// <c>R2(formula = "traditional")</c> compute it; negative when the model predicts worse than that mean.
    /// </summary>
    public static double RSquared(IReadOnlyList<double> y, IReadOnlyList<double> p)
    {
        Check(y, p);
        var mean = y.Average();
        double sse = 0, sst = 0;
        for (var i = 0; i < y.Count; i++)
        {
            sse += (y[i] - p[i]) * (y[i] - p[i]);
            sst += (y[i] - mean) * (y[i] - mean);
        }
        return sst == 0 ? double.NaN : 1 - (sse / sst);
    }

    /// <summary>
    /// Area under the ROC curve for 0/1 outcomes <paramref name="y"/> and scores <paramref name="p"/>, by the
    /// Mann–Whitney statistic with mid-ranks for ties (Hanley &amp; McNeil 1982, Radiology 143(1)); NaN with one class.
    /// </summary>
    public static double Auc(IReadOnlyList<double> y, IReadOnlyList<double> p)
    {
        Check(y, p);
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToArray();
        var ranks = new double[order.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && p[order[end + 1]] == p[order[start]])
            {
                end++;
            }
            var midRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = midRank;
            }
            start = end + 1;
        }
        double positives = 0, rankSum = 0;
        for (var i = 0; i < y.Count; i++)
        {
            if (y[i] > 0.5)
            {
                positives++;
                rankSum += ranks[i];
            }
        }
        var negatives = y.Count - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>Brier score Σ(p−y)²/n for probabilities <paramref name="p"/> of 0/1 outcomes (Brier 1950, Mon. Weather Rev. 78(1)).</summary>
    public static double Brier(IReadOnlyList<double> y, IReadOnlyList<double> p) => Mean(y, p, (a, b) => (a - b) * (a - b));

    /// <summary>
    /// Log loss −Σ[y ln p + (1−y) ln(1−p)]/n in nats (natural log, as R and scikit-learn; ML.NET reports bits),
    /// probabilities clipped to [1e−15, 1 − 1e−15].
    /// </summary>
    public static double LogLoss(IReadOnlyList<double> y, IReadOnlyList<double> p) => Mean(y, p, (a, b) =>
    {
        var q = Math.Clamp(b, 1e-15, 1 - 1e-15);
        return -((a * Math.Log(q)) + ((1 - a) * Math.Log(1 - q)));
    });

    private static double Mean(IReadOnlyList<double> y, IReadOnlyList<double> p, Func<double, double, double> term)
    {
        Check(y, p);
        double sum = 0;
        for (var i = 0; i < y.Count; i++)
        {
            sum += term(y[i], p[i]);
        }
        return sum / y.Count;
    }

    private static void Check(IReadOnlyList<double> y, IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(p);
        if (y.Count != p.Count || y.Count == 0)
        {
            throw new ArgumentException("Outcomes and predictions must be non-empty and of equal length.", nameof(p));
        }
    }
}
