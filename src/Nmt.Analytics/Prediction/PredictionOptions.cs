namespace Nmt.Analytics.Prediction;

/// <summary>Settings of a predictive analysis: target, learner, grouped cross-validation and diagnostics.</summary>
public sealed record PredictionOptions
{
    /// <summary>What to predict (default <see cref="PredictionTarget.PainChange"/>).</summary>
    public PredictionTarget Target { get; init; } = PredictionTarget.PainChange;

    /// <summary>The learner (default <see cref="PredictionTrainer.LightGbm"/>).</summary>
    public PredictionTrainer Trainer { get; init; } = PredictionTrainer.LightGbm;

    /// <summary>Number of client-grouped cross-validation folds K (at least 2; default 5).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>How often the K-fold split is repeated with a new seed (default 1).</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Seed of fold assignment, permutations, sampling and the learners (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Boosting iterations (trees) for LightGBM and FastTree (default 100).</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Maximum leaves per tree (default 31).</summary>
    public int Leaves { get; init; } = 31;

    /// <summary>Minimum training rows per leaf (default 20).</summary>
    public int MinRowsPerLeaf { get; init; } = 20;

    /// <summary>Boosting learning rate (default 0.1).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>
    /// Learner threads. Default 1: single-threaded training is what makes results identical for a seed
    /// (SDCA in particular is not deterministic with several threads).
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>Feature columns; null uses <see cref="FeatureCatalog.DefaultFeatures"/> that are present in the data.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>At most this many test rows per fold are used for permutation importance (default 10,000).</summary>
    public int ImportanceSampleSize { get; init; } = 10_000;

    /// <summary>Numeric features that get partial-dependence curves, when present (default stress, hydration, sleep_hours).</summary>
    public IReadOnlyList<string> PartialDependenceFeatures { get; init; } = ["stress", "hydration", "sleep_hours"];

    /// <summary>Grid points of each partial-dependence curve across the observed range (default 20).</summary>
    public int PartialDependenceGridPoints { get; init; } = 20;

    /// <summary>At most this many test rows per fold are averaged for partial dependence (default 1,000).</summary>
    public int PartialDependenceSampleSize { get; init; } = 1_000;

    /// <summary>Number of equal-width probability bins in the calibration table (default 10).</summary>
    public int CalibrationBins { get; init; } = 10;

    /// <summary>Responder definition: minimum improvement in NPRS points (default 2; Farrar et al. 2001, Pain 94(2)).</summary>
    public double ResponderMinPoints { get; init; } = 2.0;

    /// <summary>Responder definition: minimum relative improvement (default 0.30; Farrar et al. 2001, Pain 94(2)).</summary>
    public double ResponderMinFraction { get; init; } = 0.30;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="NmtInputException">A setting out of range.</exception>
    public void Validate()
    {
        Require(Folds >= 2, $"--folds must be at least 2 (got {Folds}).");
        Require(Repeats >= 1, $"--repeats must be at least 1 (got {Repeats}).");
        Require(Trees >= 1, $"the number of trees must be at least 1 (got {Trees}).");
        Require(Leaves >= 2, $"the number of leaves must be at least 2 (got {Leaves}).");
        Require(MinRowsPerLeaf >= 1, $"the minimum rows per leaf must be at least 1 (got {MinRowsPerLeaf}).");
        Require(LearningRate > 0 && LearningRate <= 1, $"the learning rate must be in (0, 1] (got {LearningRate}).");
        Require(Threads >= 1, $"threads must be at least 1 (got {Threads}).");
        Require(ImportanceSampleSize >= 10, "the importance sample size must be at least 10.");
        Require(PartialDependenceGridPoints >= 2, "partial dependence needs at least 2 grid points.");
        Require(PartialDependenceSampleSize >= 1, "the partial-dependence sample size must be at least 1.");
        Require(CalibrationBins >= 2, "calibration needs at least 2 bins.");
        Require(ResponderMinPoints >= 0 && ResponderMinFraction is >= 0 and <= 1, "responder thresholds must be non-negative (fraction at most 1).");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new NmtInputException(message);
        }
    }
}
