using Microsoft.ML;
using Microsoft.ML.Data;

namespace Nmt.Analytics.Prediction;

/// <summary>Scores encoded rows with a trained ML.NET model: the predicted pain change, or the responder probability.</summary>
internal sealed class ModelScorer(MLContext ml, ITransformer model, bool binary, int width)
{
    /// <summary>The trained transformer.</summary>
    public ITransformer Model { get; } = model;

    /// <summary>One prediction per row of <paramref name="rows"/>.</summary>
    public double[] Predict(float[][] rows)
    {
        var view = MlNetRows.View(ml, rows, null, Enumerable.Range(0, rows.Length).ToArray(), binary, width);
        var scored = Model.Transform(view);
        return scored.GetColumn<float>(binary ? "Probability" : "Score").Select(v => (double)v).ToArray();
    }

    /// <summary>Trains on the rows <paramref name="train"/> of <paramref name="x"/>.</summary>
    public static ModelScorer Train(MLContext ml, PredictionOptions options, int seed, float[][] x, float[] labels, IReadOnlyList<int> train, int width)
    {
        var binary = options.Target == PredictionTarget.Responder;
        var trees = options.Trainer != PredictionTrainer.Linear;
        if (trees && train.Count < 2 * options.MinRowsPerLeaf)
        {
            throw TooFewRows(options, train.Count);
        }
        var view = MlNetRows.View(ml, x, labels, train, binary, width);
        try
        {
            return new ModelScorer(ml, TrainerFactory.Create(ml, options, seed).Fit(view), binary, width);
        }
        catch (ArgumentNullException e) when (trees)
        {
            // ML.NET 5 fails converting a LightGBM ensemble whose trees have no split at all.
            throw TooFewRows(options, train.Count, e);
        }
    }

    private static NmtInputException TooFewRows(PredictionOptions options, int rows, Exception? inner = null)
    {
        var message = $"{options.Trainer.Name()} could not grow a tree from {rows} training rows (each leaf needs at least "
            + $"{options.MinRowsPerLeaf} rows and a split that helps). Use more clients, fewer folds, or --trainer linear.";
        return inner is null ? new NmtInputException(message) : new NmtInputException(message, inner);
    }
}
