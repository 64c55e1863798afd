using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt predict DATA --target pain_change|responder</c>: ML.NET model with client-grouped cross-validation (<see cref="PredictRequest"/>).</summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var target = Declare.Required<string>("--target", "What to predict: pain_change (per session) or responder (per client episode).");
        var trainer = Declare.Option("--trainer", "Learner: lightgbm, fasttree or linear.", "lightgbm");
        var folds = Declare.Option("--folds", "Number of client-grouped cross-validation folds.", 5);
        var repeats = Declare.Option("--repeats", "Repeat the K-fold split with new seeds.", 1);
        var seed = Declare.Option("--seed", "Seed of folds, permutations and learners.", 42);
        var save = Declare.Option<FileInfo?>("--save", "Also train on all rows and save the model to MODEL.zip for scoring.");
        var force = Declare.Option<bool>("--force", "Replace an existing --save file.");
        var format = CommonOptions.FormatOption();
        var command = new Command("predict", "Predict pain change or responders with ML.NET; client-grouped cross-validation, permutation importance, partial dependence.")
        {
            CommonOptions.DataArgument(), CommonOptions.DemoOption(), target, trainer, folds, repeats, seed, save, force, format,
        };
        command.SetAction(parse => context.Print(parse.GetValue(format), () => new PredictRequest
        {
            Target = parse.GetValue(target)!,
            Trainer = parse.GetValue(trainer)!,
            Folds = parse.GetValue(folds),
            Repeats = parse.GetValue(repeats),
            Seed = parse.GetValue(seed),
            Save = parse.GetValue(save)?.FullName,
            Force = parse.GetValue(force),
        }.Run(CommonOptions.Source(parse))));
        return command;
    }
}
