namespace Nmt.Analytics.Prediction;

/// <summary>
/// Permutation feature importance (Breiman 2001, Mach. Learn. 45(1); Fisher, Rudin &amp; Dominici 2019, JMLR 20(177)):
/// how much worse the test-fold predictions get when one ORIGINAL feature's values are shuffled across rows.
/// All slots of a feature (its one-hot levels or technique indicators plus its missing indicator) are permuted
/// together with the same row permutation, so rows stay valid codings and the importance is per original column
/// (no summing over slots needed). Loss: RMSE increase (regression) or AUC decrease (responder).
/// </summary>
internal static class PermutationImportance
{
    /// <summary>Importance of each feature of <paramref name="encoder"/> on the given rows.</summary>
    public static double[] Compute(Func<float[][], double[]> predict, FeatureEncoder encoder, float[][] rows, double[] y, bool binary, Random random)
    {
        var baseline = Score(y, predict(rows), binary);
        var result = new double[encoder.Features.Count];
        var permuted = rows.Select(r => (float[])r.Clone()).ToArray();
        for (var f = 0; f < result.Length; f++)
        {
            var feature = encoder.Features[f];
            var order = Enumerable.Range(0, rows.Length).ToArray();
            GroupedFolds.Shuffle(order, random);
            for (var i = 0; i < rows.Length; i++)
            {
                Array.Copy(rows[order[i]], feature.FirstSlot, permuted[i], feature.FirstSlot, feature.SlotCount);
            }
            var score = Score(y, predict(permuted), binary);
            result[f] = binary ? baseline - score : score - baseline;
            for (var i = 0; i < rows.Length; i++)
            {
                Array.Copy(rows[i], feature.FirstSlot, permuted[i], feature.FirstSlot, feature.SlotCount);
            }
        }
        return result;
    }

    private static double Score(double[] y, double[] p, bool binary) =>
        binary ? PredictionMetrics.Auc(y, p) : PredictionMetrics.Rmse(y, p);
}
