using System.Diagnostics;
using System.Globalization;
using Nmt.Analytics.Bench.Predict;
using Nmt.Analytics.Prediction;

// Usage: dotnet run -c Release --project bench/PredictBenchmark -- [sessions=1000000] [threads=1] [trainer=lightgbm] [folds=5] [cv|fit]
var sessions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var trainer = args.Length > 2 ? PredictionTargets.ParseTrainer(args[2]) : PredictionTrainer.LightGbm;
var folds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;

var fitOnly = args.Length > 4 && args[4] == "fit";

var clock = Stopwatch.StartNew();
var table = BenchSessions.Generate(sessions, 2026);
var generated = clock.Elapsed.TotalSeconds;
clock.Restart();
if (fitOnly)
{
    // One training on all rows, no cross-validation: the learner's share of the cross-validation time.
    PredictiveModel.Train(table, new PredictionOptions { Trainer = trainer, Threads = threads, Seed = 1 });
    Console.WriteLine(FormattableString.Invariant($"sessions={sessions} trainer={trainer.Name()} threads={threads}: single fit {clock.Elapsed.TotalSeconds:F1} s"));
    return;
}
var report = PredictiveAnalysis.Run(table, new PredictionOptions { Trainer = trainer, Folds = folds, Threads = threads, Seed = 1 });
var analysed = clock.Elapsed.TotalSeconds;

Console.WriteLine(FormattableString.Invariant($"sessions={sessions} clients={report.ClientCount} trainer={trainer.Name()} folds={folds} threads={threads}"));
Console.WriteLine(FormattableString.Invariant($"generate: {generated:F1} s   cross-validation (train + metrics + importance + partial dependence): {analysed:F1} s"));
Console.WriteLine(FormattableString.Invariant($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB"));
Console.WriteLine(report.Metrics().ToText());
Console.WriteLine(report.Importance().ToText());
