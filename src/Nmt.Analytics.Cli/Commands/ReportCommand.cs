using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Reports;
using Nmt.Analytics.Reports.Handout;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt report (DATA | --demo) --out DIR</c>: the self-contained HTML evidence report with its charts and tables.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.DataArgument();
        var demo = CommonOptions.DemoOption();
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write index.html, charts/ and tables/ into.", Required = true };
        var studies = new Option<FileInfo?>("--studies") { Description = "Study-level effect data for the evidence summary (studies schema). --demo uses the bundled illustrative studies." };
        var minClients = new Option<int>("--min-clients") { Description = "Suppress any group or clinic with fewer clients than this.", DefaultValueFactory = _ => 11 };
        var seed = new Option<int>("--seed") { Description = "Seed for cross-validation and sampling, so reports are reproducible.", DefaultValueFactory = _ => 1 };
        var noPrediction = new Option<bool>("--no-prediction") { Description = "Skip the predictive-drivers section (the slowest)." };
        var force = new Option<bool>("--force") { Description = "Replace the contents of a non-empty --out folder (the old report is removed as a whole)." };
        var handout = new Option<bool>("--handout") { Description = "Also write handout.html: one A4 page per technique for educators (needs --studies or --demo)." };
        var command = new Command("report", "Write the self-contained HTML evidence report (charts inlined) plus charts and tables as files.");
        command.Arguments.Add(data);
        foreach (var option in new Option[] { demo, output, studies, minClients, seed, noPrediction, force, handout })
        {
            command.Options.Add(option);
        }
        command.SetAction(parseResult => context.Guard(() =>
        {
            var min = parseResult.GetValue(minClients);
            if (min < 1)
            {
                throw new NmtInputException("--min-clients must be at least 1.");
            }
            var isDemo = parseResult.GetValue(demo);
            var withHandout = parseResult.GetValue(handout);
            if (withHandout && !isDemo && parseResult.GetValue(studies) is null)
            {
                throw new NmtInputException("--handout pools study-level effects by technique: supply --studies (or use --demo).");
            }
            var replace = parseResult.GetValue(force);
            var directory = OutputFiles.CheckDirectory(parseResult.GetValue(output)!.FullName, replace);
            var loaded = DataInput.Load(parseResult.GetValue(data), isDemo, LoadOptions.Default.WithShape(DataShape.Session));
            var rows = loaded.Account();
            var inputs = new ReportInputs(loaded.Table, loaded.SourceName, rows.Excluded, LoadStudies(parseResult.GetValue(studies), isDemo));
            var options = new ReportOptions(min, parseResult.GetValue(seed), !parseResult.GetValue(noPrediction));
            var progress = new ConsoleProgress(context.Error);
            // Built beside the target and moved into place when complete: an interrupted run leaves no report behind.
            var result = OutputFiles.BuildDirectory(directory, replace, temp =>
            {
                var report = EvidenceReport.Write(inputs, temp, options, progress);
                if (withHandout)
                {
                    progress.Report("Writing the handout");
                    File.WriteAllText(Path.Combine(temp, "handout.html"), HandoutDocument.Build(inputs, options).ToHtml());
                }
                return report;
            });
            progress.Report(null);
            context.Error.WriteLine(rows.Summary());
            context.Out.WriteLine($"Report written to {Path.Combine(directory, "index.html")} " +
                                  $"({result.Artifacts.ChartNames.Count} charts, {result.Artifacts.TableNames.Count} tables)" +
                                  (withHandout ? $"; handout: {Path.Combine(directory, "handout.html")}." : "."));
            return 0;
        }));
        return command;
    }

    private static ColumnTable? LoadStudies(FileInfo? file, bool demo) =>
        file is not null ? StudyTableReader.ReadFile(file.FullName) : demo ? DemoStudies.Load() : null;

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
