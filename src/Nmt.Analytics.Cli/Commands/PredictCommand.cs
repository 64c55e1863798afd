using System.CommandLine;
using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Prediction;
using Nmt.Analytics.Results;

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
    internal static int Execute(CliContext context, ColumnTable sessions, PredictionOptions options, string? savePath, OutputFormat format)
    {
        var report = PredictiveAnalysis.Run(sessions, options);
        if (savePath is not null)
        {
            PredictiveModel.Train(sessions, options).Save(savePath);
        }
        if (format == OutputFormat.Json)
        {
            context.WriteJson(ToJson(report));
        }
        else
        {
            context.WriteTables(format, [report.Metrics(), report.Importance(), report.PartialDependence(), .. Calibration(report)]);
        }
        if (savePath is not null && format != OutputFormat.Json)
        {
            context.Error.WriteLine($"model saved to {savePath}");
        }
        return 0;
    }

    /// <summary>The predict JSON contract (docs/cli.md), plus metrics_sd, partial_dependence, calibration and excluded_rows.</summary>
    internal static JsonObject ToJson(PredictionReport report)
    {
        var metrics = new JsonObject();
        var spread = new JsonObject();
        var table = report.Metrics();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            metrics[(string)table.Rows[i][0]!] = Number((double)table.Rows[i][1]!);
            spread[(string)table.Rows[i][0]!] = Number((double)table.Rows[i][2]!);
        }
        return new JsonObject
        {
            ["target"] = report.Options.Target.Name(),
            ["trainer"] = report.Options.Trainer.Name(),
            ["grouped_by"] = "client_id",
            ["folds"] = report.Options.Folds,
            ["repeats"] = report.Options.Repeats,
            ["seed"] = report.Options.Seed,
            ["n_obs"] = report.ObservationCount,
            ["n_clients"] = report.ClientCount,
            ["metrics"] = metrics,
            ["metrics_sd"] = spread,
            ["importance"] = report.Importance().ToJsonArray(),
            ["partial_dependence"] = report.PartialDependence().ToJsonArray(),
            ["calibration"] = report.Options.Target == PredictionTarget.Responder ? report.Calibration().ToJsonArray() : null,
            ["excluded_rows"] = new JsonArray(report.Exclusions.Select(e => (JsonNode)new JsonObject { ["row"] = e.Line, ["reason"] = e.Reason }).ToArray()),
        };
    }

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static ResultTable[] Calibration(PredictionReport report) =>
        report.Options.Target == PredictionTarget.Responder ? [report.Calibration()] : [];

    private static ColumnTable LoadSessions(FileInfo? file, bool demo) => DataInput.LoadDataset(file, demo).Table;
}
