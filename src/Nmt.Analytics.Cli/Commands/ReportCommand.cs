using System.Diagnostics;
using System.Globalization;
using Nmt.Analytics.Reports;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt report (DATA | --demo) --out DIR</c>: the self-contained HTML evidence report with its charts and tables (<see cref="ReportRequest"/>).</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var output = Declare.Required<DirectoryInfo>("--out", "Folder to write index.html, charts/ and tables/ into.");
        var studies = Declare.Option<FileInfo?>("--studies", "Study-level effect data for the evidence summary (studies schema). --demo uses the bundled illustrative studies.");
        var minClients = Declare.Option("--min-clients", "Suppress any group or clinic with fewer clients than this.", 11);
        var seed = Declare.Option("--seed", "Seed for cross-validation and sampling, so reports are reproducible.", 1);
        var noPrediction = Declare.Option<bool>("--no-prediction", "Skip the predictive-drivers section (the slowest).");
        var force = Declare.Option<bool>("--force", "Replace the contents of a non-empty --out folder (the old report is removed as a whole).");
        var handout = Declare.Option<bool>("--handout", "Also write handout.html: one A4 page per technique for educators (needs --studies or --demo).");
        var command = new Command("report", "Write the self-contained HTML evidence report (charts inlined) plus charts and tables as files.")
        {
            CommonOptions.DataArgument(), CommonOptions.DemoOption(), output, studies, minClients, seed, noPrediction, force, handout,
        };
        command.SetAction(parse => context.Print(OutputFormat.Table, () =>
        {
            var progress = new ConsoleProgress(context.Error);
            var request = new ReportRequest(parse.GetValue(output)!.FullName)
            {
                Studies = parse.GetValue(studies)?.FullName,
                MinClients = parse.GetValue(minClients),
                Seed = parse.GetValue(seed),
                Prediction = !parse.GetValue(noPrediction),
                Force = parse.GetValue(force),
                Handout = parse.GetValue(handout),
            };
            var result = request.Run(CommonOptions.Source(parse), progress);
            progress.Report(null);
            return result;
        }));
        return command;
    }

    /// <summary>One line per report step on stderr, with the time the previous step took; <c>null</c> closes the last step.</summary>
    private sealed class ConsoleProgress(TextWriter writer) : IProgress<string?>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _current;

        public void Report(string? value)
        {
            if (_current is not null)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  done: {_current} ({_clock.Elapsed.TotalSeconds:0.0} s)"));
            }
            _clock.Restart();
            _current = value;
            if (value is not null)
            {
                writer.WriteLine($"report: {value}…");
            }
        }
    }
}
