using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Nmt.Analytics.Prediction;

/// <summary>The ML.NET estimator for a target and learner, configured from <see cref="PredictionOptions"/>.</summary>
internal static class TrainerFactory
{
    /// <summary>Creates the estimator; <paramref name="seed"/> seeds the learner.</summary>
    public static IEstimator<ITransformer> Create(MLContext ml, PredictionOptions o, int seed)
    {
        var binary = o.Target == PredictionTarget.Responder;
        return (o.Trainer, binary) switch
        {
            (PredictionTrainer.LightGbm, false) => ml.Regression.Trainers.LightGbm(LightGbmRegression(o, seed)),
            (PredictionTrainer.LightGbm, true) => ml.BinaryClassification.Trainers.LightGbm(LightGbmBinary(o, seed)),
            (PredictionTrainer.FastTree, false) => ml.Regression.Trainers.FastTree(FastTree<FastTreeRegressionTrainer.Options>(o, seed)),
            (PredictionTrainer.FastTree, true) => ml.BinaryClassification.Trainers.FastTree(FastTree<FastTreeBinaryTrainer.Options>(o, seed)),
            (PredictionTrainer.Linear, false) => Standardise(ml).Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = MlNetRows.Label,
                FeatureColumnName = MlNetRows.Features,
                NumberOfThreads = 1, // SDCA is only deterministic single-threaded
            })),
            _ => Standardise(ml).Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = MlNetRows.Label,
                FeatureColumnName = MlNetRows.Features,
                NumberOfThreads = 1,
            })),
        };
    }

    private static IEstimator<ITransformer> Standardise(MLContext ml) => ml.Transforms.NormalizeMeanVariance(MlNetRows.Features);

    private static LightGbmRegressionTrainer.Options LightGbmRegression(PredictionOptions o, int seed) => new()
    {
        LabelColumnName = MlNetRows.Label,
        FeatureColumnName = MlNetRows.Features,
        NumberOfIterations = o.Trees,
        NumberOfLeaves = o.Leaves,
        MinimumExampleCountPerLeaf = o.MinRowsPerLeaf,
        LearningRate = o.LearningRate,
        Seed = seed,
        Deterministic = true,
        NumberOfThreads = o.Threads,
        Silent = true,
    };

    private static LightGbmBinaryTrainer.Options LightGbmBinary(PredictionOptions o, int seed) => new()
    {
        LabelColumnName = MlNetRows.Label,
        FeatureColumnName = MlNetRows.Features,
        NumberOfIterations = o.Trees,
        NumberOfLeaves = o.Leaves,
        MinimumExampleCountPerLeaf = o.MinRowsPerLeaf,
        LearningRate = o.LearningRate,
        Seed = seed,
        Deterministic = true,
        NumberOfThreads = o.Threads,
        Silent = true,
    };

    private static T FastTree<T>(PredictionOptions o, int seed)
        where T : BoostedTreeOptions, new()
        => new()
        {
            LabelColumnName = MlNetRows.Label,
            FeatureColumnName = MlNetRows.Features,
            NumberOfTrees = o.Trees,
            NumberOfLeaves = o.Leaves,
            MinimumExampleCountPerLeaf = o.MinRowsPerLeaf,
            LearningRate = o.LearningRate,
            Seed = seed,
            NumberOfThreads = o.Threads,
        };
}
