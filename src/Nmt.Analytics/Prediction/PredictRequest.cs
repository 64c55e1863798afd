using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Prediction;

/// <summary>
/// <c>nmt predict</c>: the cross-validated prediction analysis (<see cref="PredictiveAnalysis"/>) and, when asked, a
/// model trained on all rows saved for scoring (<see cref="PredictiveModel"/>).
/// </summary>
public sealed record PredictRequest
{
    /// <summary><c>pain_change</c> or <c>responder</c>.</summary>
    public required string Target { get; init; }

    /// <summary><c>lightgbm</c>, <c>fasttree</c> or <c>linear</c>.</summary>
    public string Trainer { get; init; } = "lightgbm";

    /// <summary>Client-grouped cross-validation folds.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Repeats of the K-fold split.</summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Seed of folds, permutations and learners.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where to save the model trained on all rows, or null.</summary>
    public string? Save { get; init; }

    /// <summary>Replace an existing <see cref="Save"/> file.</summary>
    public bool Force { get; init; }

    /// <summary>The checked options.</summary>
    /// <exception cref="NmtInputException">An unknown target or trainer, or counts out of range.</exception>
    public PredictionOptions Options()
    {
        var options = new PredictionOptions
        {
            Target = PredictionTargets.ParseTarget(Target),
            Trainer = PredictionTargets.ParseTrainer(Trainer),
            Folds = Folds,
            Repeats = Repeats,
            Seed = Seed,
        };
        options.Validate();
        return options;
    }

    /// <summary>Runs the analysis on the sessions of <paramref name="source"/> and saves the model when asked.</summary>
    public ResultOutput Run(DataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var options = Options();
        var savePath = Save is null ? null : OutputFiles.CheckFile(Save, Force);
        var loaded = source.LoadSessions();
        var report = PredictiveAnalysis.Run(loaded.Table, options);
        if (savePath is not null)
        {
            OutputFiles.WriteFile(savePath, Force, PredictiveModel.Train(loaded.Table, options).Save);
        }
        return ResultOutput.WithRows(report.ToJson, report.Tables(), loaded.Account(report.Exclusions)) with
        {
            TextMessages = savePath is null ? [] : [$"model saved to {savePath}"],
        };
    }
}
