namespace Nmt.Analytics.Prediction;

/// <summary>Mean, standard deviation (n − 1) and standard error of per-fold values.</summary>
internal static class FoldStatistics
{
    public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Average();

    public static double Sd(IReadOnlyCollection<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    public static double Se(IReadOnlyCollection<double> values) => Sd(values) / Math.Sqrt(values.Count);
}
