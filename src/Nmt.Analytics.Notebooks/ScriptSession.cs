using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// The Roslyn session shared by the batch executor and the Jupyter kernel: script state carried from cell to
/// cell (<c>CSharpScript.RunAsync</c>, then <c>ContinueWithAsync</c>), the globals (<c>display</c>, <c>HTML</c>),
/// <c>#r</c>/<c>#i</c> handling against the carried packages, and a cell's value as its <c>execute_result</c>.
/// </summary>
internal sealed class ScriptSession
{
    private readonly NotebookGlobals _globals = new();
    private readonly List<string> _notes = [];
    private readonly string _folder;
    private readonly string _name;
    private ScriptOptions _options = ScriptEnvironment.Options;
    private ScriptState<object?>? _state;

    /// <summary>Notes such as a requested package version that differs from the carried one.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>A session whose <c>#r "path.dll"</c> lines resolve against <paramref name="folder"/> (the notebook's); <paramref name="name"/> names it in notes.</summary>
    public ScriptSession(string folder, string name)
    {
        _folder = folder;
        _name = name;
        StdOut = new ConsoleCapture("stdout", _globals.Slot);
        StdErr = new ConsoleCapture("stderr", _globals.Slot);
    }

    /// <summary>The console writer to install as <see cref="Console.Out"/> while cells run.</summary>
    public TextWriter StdOut { get; }

    /// <summary>The console writer to install as <see cref="Console.Error"/> while cells run.</summary>
    public TextWriter StdErr { get; }

    /// <summary>The compile options in force (references grow with <c>#r</c>).</summary>
    public ScriptOptions Options => _options;

    /// <summary>The state after the last successful cell; null before the first.</summary>
    public ScriptState<object?>? State => _state;

    /// <summary>
    /// Runs one cell, sending its outputs to <paramref name="sink"/>; returns null on success, else the error
    /// (whose output is already in the sink). <paramref name="run"/> starts the compiled submission, so the
    /// caller decides where it runs and how it is bounded (timeout, interrupt).
    /// </summary>
    public async Task<CellError?> RunCellAsync(CellRequest cell, CellOutputSink sink, Submission run, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(run);
        _globals.Slot.Set(sink);
        try
        {
            if (cell.KernelName is not null)
            {
                CheckKernel(cell.KernelName);
            }
            var prepared = CellPreprocessor.Prepare(cell.Source);
            foreach (var reference in prepared.References)
            {
                AddReference(reference);
            }
            var options = _options.WithFilePath(cell.Label);
            var state = await run(
                    () => _state is null
                        ? CSharpScript.RunAsync<object?>(prepared.Code, options, _globals, typeof(NotebookGlobals), cancellationToken)
                        : _state.ContinueWithAsync<object?>(prepared.Code, options, cancellationToken),
                    cancellationToken)
                .ConfigureAwait(false);
            _state = state;
            sink.Flush();
            if (CellValue.HasValue(state.Script))
            {
                sink.Add(new DisplayOutput(DisplayRenderer.Render(state.ReturnValue), cell.ExecutionCount));
            }
            return null;
        }
#pragma warning disable CA1031 // Any failure of user code must become the cell's error output, never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = CellError.From(Unwrap(e), cell.Label, timeout);
            sink.Add(error.Output);
            return error;
        }
        finally
        {
            sink.Flush();
            _globals.Slot.Set(null);
        }
    }

    private static void CheckKernel(string? kernel)
    {
        if (!string.Equals(kernel, "csharp", StringComparison.OrdinalIgnoreCase) && !string.Equals(kernel, "C#", StringComparison.OrdinalIgnoreCase))
        {
            throw new CellRefusedException(
                $"the cell's kernel is '{kernel}'; `nmt notebook run` runs C# cells only (polyglot_notebook.kernelName \"csharp\")");
        }
    }

    private void AddReference(ReferenceDirective reference)
    {
        if (reference.IsNuGet)
        {
            AddPackage(reference);
            return;
        }
        var carried = CarriedPackages.ByFileName(Path.GetFileName(reference.Target));
        if (carried is not null)
        {
            return; // the executor's own copy: a second copy would make its types differ from ours
        }
        var full = Path.GetFullPath(Path.Combine(_folder, reference.Target));
        if (!File.Exists(full))
        {
            throw new CellRefusedException($"line {reference.Line}: #r \"{reference.Target}\": no such file ({full}); paths are relative to the notebook's folder");
        }
        _options = _options.AddReferences(MetadataReference.CreateFromFile(full));
    }

    private void AddPackage(ReferenceDirective reference)
    {
        if (!CarriedPackages.TryGet(reference.Target, out var assembly))
        {
            throw new CellRefusedException(
                $"line {reference.Line}: package '{reference.Target}' is not available to `nmt notebook run`; it carries: {CarriedPackages.Names}");
        }
        var carried = CarriedPackages.VersionOf(assembly);
        if (reference.Version is { } wanted && !string.Equals(wanted, carried, StringComparison.OrdinalIgnoreCase))
        {
            _notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"notebook {_name}: package '{reference.Target}' {wanted} was requested; using the {carried} that `nmt notebook run` carries"));
        }
    }

    private static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => e,
    };
}

