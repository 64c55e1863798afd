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
        var force = new Option<bool>("--force") { Description = "Replace an existing --save file." };
        var format = CliContext.FormatOption();
        var command = new Command("predict", "Predict pain change or responders with ML.NET; client-grouped cross-validation, permutation importance, partial dependence.");
        command.Arguments.Add(data);
        foreach (var option in new Option[] { demo, target, trainer, folds, repeats, seed, save, force, format })
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
            var savePath = parse.GetValue(save) is { } file ? OutputFiles.CheckFile(file.FullName, parse.GetValue(force)) : null;
            var loaded = DataInput.Load(parse.GetValue(data), parse.GetValue(demo), LoadOptions.Default.WithShape(DataShape.Session));
            return Execute(context, loaded.Table, options, savePath, parse.GetValue(format), loaded, parse.GetValue(force));
        }));
        return command;
    }

    /// <summary>Runs the analysis on loaded sessions and writes it; saves the all-rows model when asked.</summary>
    internal static int Execute(CliContext context, ColumnTable sessions, PredictionOptions options, string? savePath, OutputFormat format,
        LoadedData? loaded = null, bool force = false)
    {
        var report = PredictiveAnalysis.Run(sessions, options);
        if (savePath is not null)
        {
            OutputFiles.WriteFile(savePath, force, PredictiveModel.Train(sessions, options).Save);
        }
        var rows = (loaded ?? DataLoader.FromTable(sessions)).Account(report.Exclusions);
        if (format == OutputFormat.Json)
        {
            var json = report.ToJson();
            context.ReportRows(format, rows, json);
            context.WriteJson(json);
        }
        else
        {
            context.WriteTables(format, report.Tables());
            context.ReportRows(format, rows);
        }
        if (savePath is not null && format != OutputFormat.Json)
        {
            context.Error.WriteLine($"model saved to {savePath}");
        }
        return 0;
    }
}
