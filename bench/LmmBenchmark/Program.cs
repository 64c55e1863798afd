using System.Diagnostics;
using System.Globalization;
using Nmt.Analytics.Models.Lmm;

namespace LmmBenchmark;

/// <summary>
/// Linear mixed-model benchmark: <c>generate OUT.csv [clients] [sessions] [seed]</c> writes the synthetic data set;
/// <c>fit FILE.csv [--ml] [--slope session|stress] [--clinics K]</c> loads it and fits <c>pain ~ session + technique + stress + hydration + (session | client_id)</c>,
/// printing the time of each phase. Compare with <c>lme4_fit.R</c> on the same file (see bench/README.md).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "generate")
        {
            var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
            var sessions = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
            var seed = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20261125;
            SessionGenerator.Write(args[1], clients, sessions, seed);
            return 0;
        }
        if (args.Length >= 2 && args[0] == "fit")
        {
            var slopeAt = Array.IndexOf(args, "--slope");
            var clinicsAt = Array.IndexOf(args, "--clinics");
            Fit(args[1], reml: !args.Contains("--ml"), slope: slopeAt > 0 ? args[slopeAt + 1] : "session",
                clinics: clinicsAt > 0 ? int.Parse(args[clinicsAt + 1], CultureInfo.InvariantCulture) : 0);
            return 0;
        }
        Console.Error.WriteLine("usage: LmmBenchmark generate OUT.csv [clients] [sessions] [seed] | fit FILE.csv [--ml] [--slope session|stress] [--clinics K]");
        return 1;
    }

    private static void Fit(string path, bool reml, string slope, int clinics)
    {
        var total = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var frame = BenchFrameLoader.Load(path, slope, clinics);
        var load = total.Elapsed;
        process.Refresh();
        var cpuLoad = process.TotalProcessorTime - cpu0;
        var fit = LinearMixedModel.Fit(frame, new LmmOptions { Reml = reml });
        var fitTime = total.Elapsed - load;
        process.Refresh();
        var cpuFit = process.TotalProcessorTime - cpu0 - cpuLoad;
        Console.WriteLine(fit.Tidy().ToText());
        Console.WriteLine(fit.VarianceComponentTable().ToText());
        Console.WriteLine(fit.Correlations().ToText());
        Console.WriteLine(fit.Glance().ToText(7));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"logLik {fit.LogLikelihood:R}; sigma {fit.Sigma:R}; converged {fit.Converged}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {frame.Count}; load {load.TotalSeconds:F2} s (CPU {cpuLoad.TotalSeconds:F2} s); fit {fitTime.TotalSeconds:F2} s (CPU {cpuFit.TotalSeconds:F2} s, {fit.Evaluations} deviance evaluations); total {total.Elapsed.TotalSeconds:F2} s"));
    }
}
