using Microsoft.ML;

namespace Nmt.Analytics.Prediction;

/// <summary>One repeated, client-grouped K-fold cross-validation: trains a model per fold and collects its diagnostics.</summary>
internal sealed class CrossValidationRun(PredictionOptions options, PredictionFrame frame, FeatureEncoder encoder, float[][] x)
{
    private readonly bool _binary = options.Target == PredictionTarget.Responder;
    private readonly double[] _y = frame.Labels.Select(v => (double)v).ToArray();
    private readonly Dictionary<string, List<double>> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> _importance = new(StringComparer.Ordinal);
    private readonly List<(EncodedFeature Feature, double[] Grid, double Min, double Max, List<double[]> Fits)> _curves = [];

    public PredictionReport Execute(IReadOnlyList<string> features)
    {
        PrepareCurves();
        var assignments = new List<int[]>();
        var outOfFold = new double[_y.Length];
        for (var r = 0; r < options.Repeats; r++)
        {
            var folds = GroupedFolds.Assign(frame.Clients, options.Folds, options.Seed + r);
            assignments.Add(folds);
            for (var k = 0; k < options.Folds; k++)
            {
                RunFold(folds, k, options.Seed + (1000 * r) + k, outOfFold);
            }
        }
        for (var i = 0; i < outOfFold.Length; i++)
        {
            outOfFold[i] /= options.Repeats;
        }
        return new PredictionReport(options, frame, features, assignments, _metrics, _importance, Curves(), outOfFold);
    }

    private void RunFold(int[] folds, int k, int seed, double[] outOfFold)
    {
        var train = Enumerable.Range(0, folds.Length).Where(i => folds[i] != k).ToArray();
        var test = Enumerable.Range(0, folds.Length).Where(i => folds[i] == k).ToArray();
        CheckBothClasses(train, k);
        var ml = new MLContext(seed);
        var scorer = ModelScorer.Train(ml, options, seed, x, frame.Labels, train, encoder.Width);
        var testRows = test.Select(i => x[i]).ToArray();
        var testY = test.Select(i => _y[i]).ToArray();
        var predicted = scorer.Predict(testRows);
        for (var j = 0; j < test.Length; j++)
        {
            outOfFold[test[j]] += predicted[j];
        }
        AddMetrics(testY, predicted);
        var random = new Random(seed);
        var sample = Sample(test.Length, options.ImportanceSampleSize, random);
        var importance = PermutationImportance.Compute(scorer.Predict, encoder, sample.Select(j => testRows[j]).ToArray(), sample.Select(j => testY[j]).ToArray(), _binary, random);
        for (var f = 0; f < importance.Length; f++)
        {
            Add(_importance, encoder.Features[f].Name, importance[f]);
        }
        var pdRows = Sample(test.Length, options.PartialDependenceSampleSize, random).Select(j => testRows[j]).ToArray();
        foreach (var curve in _curves)
        {
            curve.Fits.Add(PartialDependence.Compute(scorer.Predict, curve.Feature, pdRows, curve.Grid));
        }
    }

    private void AddMetrics(double[] y, double[] p)
    {
        if (_binary)
        {
            Add(_metrics, "auc", PredictionMetrics.Auc(y, p));
            Add(_metrics, "brier", PredictionMetrics.Brier(y, p));
            Add(_metrics, "log_loss", PredictionMetrics.LogLoss(y, p));
        }
        else
        {
            Add(_metrics, "rmse", PredictionMetrics.Rmse(y, p));
            Add(_metrics, "mae", PredictionMetrics.Mae(y, p));
            Add(_metrics, "r2", PredictionMetrics.RSquared(y, p));
        }
    }

    private void CheckBothClasses(int[] train, int k)
    {
        if (_binary)
        {
            var positives = train.Count(i => _y[i] > 0.5);
            if (positives == 0 || positives == train.Length)
            {
                throw new NmtInputException($"the training part of fold {k + 1} holds only one responder class; "
                    + "use fewer folds or more clients.", null, "responder");
            }
        }
    }

    private void PrepareCurves()
    {
        foreach (var name in options.PartialDependenceFeatures)
        {
            var feature = encoder.Features.FirstOrDefault(f => f.Name == name && f.Kind == FeatureKind.Numeric);
            var values = feature is null ? [] : frame.Data.Numeric(name).Values.Where(v => !double.IsNaN(v)).ToArray();
            if (feature is not null && values.Length > 0 && values.Min() < values.Max())
            {
                var (min, max) = (values.Min(), values.Max());
                _curves.Add((feature, PartialDependence.Grid(min, max, options.PartialDependenceGridPoints), min, max, []));
            }
        }
    }

    private List<PartialDependenceCurve> Curves() => _curves.Select(c =>
    {
        var means = Enumerable.Range(0, c.Grid.Length).Select(g => FoldStatistics.Mean(c.Fits.Select(f => f[g]).ToList())).ToArray();
        var errors = Enumerable.Range(0, c.Grid.Length).Select(g => FoldStatistics.Se(c.Fits.Select(f => f[g]).ToList())).ToArray();
        return new PartialDependenceCurve(c.Feature.Name, c.Grid, means, errors, c.Min, c.Max);
    }).ToList();

    /// <summary>Up to <paramref name="size"/> distinct indices below <paramref name="count"/>, drawn with <paramref name="random"/> (all when fewer).</summary>
    private static int[] Sample(int count, int size, Random random)
    {
        var all = Enumerable.Range(0, count).ToArray();
        if (count <= size)
        {
            return all;
        }
        GroupedFolds.Shuffle(all, random);
        return all[..size];
    }

    private static void Add(Dictionary<string, List<double>> into, string key, double value)
    {
        if (!into.TryGetValue(key, out var list))
        {
            into[key] = list = [];
        }
        list.Add(value);
    }
}
