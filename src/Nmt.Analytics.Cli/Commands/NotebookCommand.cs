using System.Globalization;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt notebook run NOTEBOOK [--out EXECUTED.ipynb] [--timeout SECONDS]</c>: runs a Polyglot C# notebook and stores its outputs.</summary>
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
        command.SetAction(parse => context.Guard(() =>
            Run(context, parse.GetValue(path)!, parse.GetValue(output), parse.GetValue(timeout))));
        return command;
    }

    private static int Run(CliContext context, FileInfo path, FileInfo? output, int timeoutSeconds)
    {
        if (timeoutSeconds <= 0)
        {
            throw new NmtInputException($"--timeout must be a positive number of seconds, not {timeoutSeconds}.");
        }
        var notebook = NotebookDocument.Load(path.FullName);
        var executor = new NotebookExecutor(TimeSpan.FromSeconds(timeoutSeconds));
        executor.CellProgress += (_, e) => context.Out.WriteLine(Describe(e));
        var result = executor.RunAsync(notebook).GetAwaiter().GetResult();
        foreach (var note in result.Notes)
        {
            context.Error.WriteLine($"note: {note}");
        }
        var target = output?.FullName ?? notebook.Path;
        notebook.Save(target);
        if (result.Failure is { } failure)
        {
            context.Error.WriteLine($"error: {failure.Message}");
            context.Error.WriteLine($"(the notebook with the error output was written to {target})");
            return 1;
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ran {result.CodeCellsRun} code cells of {notebook.Name} in {result.Elapsed.TotalSeconds:0.0} s; wrote {target}"));
        return 0;
    }

    private static string Describe(CellProgressEventArgs e)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"[{e.CodeCellNumber}/{e.CodeCellCount}] cell {e.Cell.Number}");
        return e.Phase switch
        {
            CellPhase.Started => $"{prefix} running",
            CellPhase.Succeeded => string.Create(CultureInfo.InvariantCulture, $"{prefix} ok ({e.Elapsed.TotalSeconds:0.0} s, {e.Cell.Outputs.Count} outputs)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{prefix} FAILED ({e.Elapsed.TotalSeconds:0.0} s)"),
        };
    }
}
