using Nmt.Analytics.Cli.Commands;

namespace Nmt.Analytics.Cli;

/// <summary>
/// The <c>nmt</c> command line: a thin layer that parses options, calls the library and presents results.
/// Exit codes (contract): 0 success, 1 data or usage error (clear message on stderr, no stack trace), 2 internal failure.
/// </summary>
public static class NmtCli
{
    /// <summary>Runs the CLI with the given arguments and writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdout, stderr);
        var root = new RootCommand("Nmt.Analytics: statistics for Neuromuscular Therapy session data.")
        {
            // One factory per file under Commands/.
            BenchmarkCommand.Create(context), DescribeCommand.Create(context), MetaCommand.Create(context), SimulateCommand.Create(context),
            NotebookCommand.Create(context), KernelCommand.Create(context), FitCommand.Create(context), ValidateCommand.Create(context),
            PredictCommand.Create(context), ReportCommand.Create(context),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }
}
