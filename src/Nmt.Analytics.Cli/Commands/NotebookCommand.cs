using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt notebook run NOTEBOOK [--out EXECUTED.ipynb] [--timeout SECONDS]</c>: runs a Polyglot C# notebook and stores its outputs (<see cref="NotebookRunRequest"/>).</summary>
internal static class NotebookCommand
{
    public static Command Create(CliContext context) =>
        new("notebook", "Work with the C# analysis notebooks (.ipynb, Polyglot / .NET Interactive format).") { RunCommand(context) };

    private static Command RunCommand(CliContext context)
    {
        var path = new Argument<FileInfo>("NOTEBOOK") { Description = "The .ipynb notebook to run." };
        var output = Declare.Option<FileInfo?>("--out", "Where to write the executed notebook (default: the notebook itself, so it carries its outputs).");
        var timeout = Declare.Option("--timeout", "Longest time one cell may run, in seconds.", (int)NotebookExecutor.DefaultCellTimeout.TotalSeconds);
        var command = new Command("run", "Run every C# cell in order (Roslyn scripting) and write the outputs (text, HTML tables, PNG charts) into the notebook.")
        {
            path, output, timeout,
        };
        command.SetAction(parse => context.Print(OutputFormat.Table, () =>
            new NotebookRunRequest(parse.GetValue(path)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(timeout)).Run(context.Out.WriteLine)));
        return command;
    }
}
