using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Nmt.Analytics.Notebooks;

/// <summary>A cell's failure as an nbformat <c>error</c> output plus the one-paragraph summary for the console.</summary>
internal sealed record CellError(ErrorOutput Output, string Summary)
{
    public static CellError From(Exception e, string cellLabel, TimeSpan timeout) => e switch
    {
        CompilationErrorException compile => Compile(compile),
        CellRefusedException refused => new(new ErrorOutput("CellRefused", refused.Message, [refused.Message]), refused.Message),
        TimeoutException => Timeout(timeout),
        CellInterruptedException interrupted => new(new ErrorOutput("Interrupted", interrupted.Message, [$"Interrupted: {interrupted.Message}"]), interrupted.Message),
        _ => Runtime(e, cellLabel),
    };

    private static CellError Compile(CompilationErrorException e)
    {
        var lines = e.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(Describe)
            .ToList();
        var summary = "compile error: " + string.Join("; ", lines);
        return new(new ErrorOutput("CompilationError", lines.FirstOrDefault() ?? e.Message, lines), summary);
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan().StartLinePosition;
        return string.Create(CultureInfo.InvariantCulture, $"line {span.Line + 1}, column {span.Character + 1}: {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
    }

    private static CellError Timeout(TimeSpan timeout)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"the cell did not finish within {timeout.TotalSeconds:0.#} s (raise --timeout)");
        return new(new ErrorOutput("Timeout", message, [message]), message);
    }

    private static CellError Runtime(Exception e, string cellLabel)
    {
        var line = LineInCell(e, cellLabel);
        var where = line is { } l ? string.Create(CultureInfo.InvariantCulture, $" at line {l}") : "";
        var summary = $"{e.GetType().Name}{where}: {e.Message}";
        var traceback = new List<string> { summary };
        traceback.AddRange((e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new(new ErrorOutput(e.GetType().Name, e.Message, traceback), summary);
    }

    /// <summary>The 1-based line within the cell of the innermost frame compiled from it (scripts carry in-memory PDBs).</summary>
    private static int? LineInCell(Exception e, string cellLabel) =>
        new StackTrace(e, true).GetFrames()
            .Where(f => string.Equals(f.GetFileName(), cellLabel, StringComparison.Ordinal) && f.GetFileLineNumber() > 0)
            .Select(f => (int?)f.GetFileLineNumber())
            .FirstOrDefault();
}
