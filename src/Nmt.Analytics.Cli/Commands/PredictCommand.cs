using System.CommandLine;
using Nmt.Analytics.Data;
using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt predict DATA --target pain_change|responder</c>: ML.NET model with client-grouped cross-validation.</summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.DataArgument();
        var demo = CommonOptions.DemoOption();
        var target = new Option<string>("--target") { Description = "What to predict: pain_change (per session) or responder (per client episode).", Required = true };
        var trainer = new Option<string>("--trainer") { Description = "Learner: lightgbm, fasttree or linear.", DefaultValueFactory = _ => "lightgbm" };
        var folds = new Option<int>("--folds") { Description = "Number of client-grouped cross-validation folds.", DefaultValueFactory = _ => 5 };
        var repeats = new Option<int>("--repeats") { Description = "Repeat the K-fold split with new seeds.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of folds, permutations and learners.", DefaultValueFactory = _ => 42 };
        var save = new Option<FileInfo?>("--save") { Description = "Also train on all rows and save the model to MODEL.zip for scoring." };
        var format = CliContext.FormatOption();
        var command = new Command("predict", "Predict pain change or responders with ML.NET; client-grouped cross-validation, permutation importance, partial dependence.");
        command.Arguments.Add(data);
        foreach (var option in new Option[] { demo, target, trainer, folds, repeats, seed, save, format })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse => context.Guard(() =>
        {
            var options = new PredictionOptions
            {
                Target = PredictionTargets.ParseTarget(parse.GetValue(target)!),
                Trainer = PredictionTargets.ParseTrainer(parse.GetValue(trainer)!),
                Folds = parse.GetValue(folds),
                Repeats = parse.GetValue(repeats),
                Seed = parse.GetValue(seed),
            };
            options.Validate();
            var sessions = LoadSessions(parse.GetValue(data), parse.GetValue(demo));
            return Execute(context, sessions, options, parse.GetValue(save)?.FullName, parse.GetValue(format));
        }));
        return command;
    }

    /// <summary>Runs the analysis on loaded sessions and writes it; saves the all-rows model when asked.</summary>
    private static int Execute(CliContext context, ColumnTable sessions, PredictionOptions options, string? savePath, OutputFormat format)
    {
        var report = PredictiveAnalysis.Run(sessions, options);
        if (savePath is not null)
        {
            PredictiveModel.Train(sessions, options).Save(savePath);
        }
        if (format == OutputFormat.Json)
        {
            context.WriteJson(report.ToJson());
        }
        else
        {
            context.WriteTables(format, report.Tables());
        }
        if (savePath is not null && format != OutputFormat.Json)
        {
            context.Error.WriteLine($"model saved to {savePath}");
        }
        return 0;
    }

    private static ColumnTable LoadSessions(FileInfo? file, bool demo) => DataInput.LoadDataset(file, demo).Table;
}
