namespace Nmt.Analytics.Prediction;

/// <summary>
/// Partial dependence (Friedman 2001, Ann. Stat. 29(5), §8.2): the mean prediction over a sample of rows when a
/// numeric feature is set to each grid value in turn (its missing indicator cleared), other features as observed.
/// </summary>
internal static class PartialDependence
{
    /// <summary>An evenly spaced grid of <paramref name="points"/> values from the observed minimum to maximum.</summary>
    public static double[] Grid(double min, double max, int points) =>
        Enumerable.Range(0, points).Select(k => min + ((max - min) * k / (points - 1))).ToArray();

    /// <summary>Mean prediction at each grid value.</summary>
    public static double[] Compute(Func<float[][], double[]> predict, EncodedFeature feature, float[][] rows, double[] grid)
    {
        var copy = rows.Select(r => (float[])r.Clone()).ToArray();
        var means = new double[grid.Length];
        for (var g = 0; g < grid.Length; g++)
        {
            foreach (var row in copy)
            {
                row[feature.FirstSlot] = (float)grid[g];
                if (feature.HasMissingSlot)
                {
                    row[feature.MissingSlot] = 0f;
                }
            }
            means[g] = predict(copy).Average();
        }
        return means;
    }
}
