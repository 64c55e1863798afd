using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// The Roslyn session shared by the batch executor and the Jupyter kernel: script state carried from cell to
/// cell (a first submission <see cref="KernelHelpers.Import"/> as in .NET Interactive, then <c>ContinueWithAsync</c>),
/// <c>#r</c>/<c>#i</c> handling (packages resolved from local folders and the NuGet cache; the kernel's preloaded
/// library satisfies its own package), and a cell's value as its <c>execute_result</c>.
/// </summary>
internal sealed class ScriptSession
{
    private readonly List<string> _notes = [];
    private readonly string _folder;
    private readonly string _name;
    private readonly bool _preloaded;
    private PackageSources? _packageSources;
    private NugetDirectiveResolver? _resolver;
    private ScriptOptions _options;
    private ScriptState<object?>? _state;

    /// <summary>Notes such as a requested package version that differs from the carried one.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// A session whose <c>#r "path.dll"</c> lines and <c>nuget.config</c> resolve against <paramref name="folder"/> (the
    /// notebook's); <paramref name="name"/> names it in notes. <paramref name="preloaded"/> (the nmt-csharp kernel)
    /// references Nmt.Analytics and its dependencies from the start; otherwise a cell starts with what the .NET
    /// Interactive C# kernel offers and nothing more.
    /// </summary>
    public ScriptSession(string folder, string name, bool preloaded = false)
    {
        _folder = Path.GetFullPath(folder);
        _name = name;
        _preloaded = preloaded;
        _options = preloaded ? ScriptEnvironment.PreloadedOptions : ScriptEnvironment.Options;
        StdOut = new ConsoleCapture("stdout", KernelHelpers.Slot);
        StdErr = new ConsoleCapture("stderr", KernelHelpers.Slot);
    }

    private PackageSources Sources => _packageSources ??= new PackageSources(_folder);

    private NugetDirectiveResolver Packages => _resolver ??= new NugetDirectiveResolver(Sources);

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
        KernelHelpers.Slot.Set(sink);
        try
        {
            if (cell.KernelName is not null)
            {
                CheckKernel(cell.KernelName);
            }
            var prepared = CellPreprocessor.Prepare(cell.Source);
            AddReferences(prepared);
            var options = _options.WithFilePath(cell.Label);
            var state = await run(
                    async () => await (_state ?? await CSharpScript.RunAsync<object?>(KernelHelpers.Import, options, cancellationToken: cancellationToken).ConfigureAwait(false))
                        .ContinueWithAsync<object?>(prepared.Code, options, cancellationToken).ConfigureAwait(false),
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
            KernelHelpers.Slot.Set(null);
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

    /// <summary>Applies a cell's <c>#i</c> and <c>#r</c> lines before it compiles, as the .NET Interactive kernel does.</summary>
    private void AddReferences(PreparedCell prepared)
    {
        foreach (var (source, line) in prepared.Sources)
        {
            if (_preloaded)
            {
                // The kernel's library is preloaded, so a notebook's package folder only matters for other packages:
                // one relative to the notebook is taken as such, and a missing one is no error.
                var folder = IsRelativeFolder(source) ? Path.GetFullPath(Path.Combine(_folder, source)) : source;
                if (Directory.Exists(folder) || !IsRelativeFolder(source))
                {
                    Sources.Include(folder, line);
                }
                continue;
            }
            Sources.Include(source, line);
        }
        var packages = prepared.References
            .Where(r => r.IsNuGet && !(_preloaded && ScriptEnvironment.Preloaded(r.Target)))
            .Select(r => new PackageRequest(r.Target, r.Version, r.Line)).ToList();
        var notes = new List<string>();
        IReadOnlyList<string> files = packages.Count == 0 ? [] : Packages.Resolve(packages, notes);
        _notes.AddRange(notes.Select(n => $"notebook {_name}: {n}"));
        foreach (var reference in prepared.References.Where(r => !r.IsNuGet))
        {
            files = [.. files, AssemblyFile(reference)];
        }
        _options = _options.AddReferences(files.Select(ScriptEnvironment.ReferenceFor).OfType<MetadataReference>());
    }

    private static bool IsRelativeFolder(string source) =>
        !Path.IsPathRooted(source) && !source.Contains("://", StringComparison.Ordinal);

    private string AssemblyFile(ReferenceDirective reference)
    {
        var full = Path.GetFullPath(Path.Combine(_folder, reference.Target));
        return File.Exists(full)
            ? full
            : throw new CellRefusedException($"line {reference.Line}: #r \"{reference.Target}\": no such file ({full}); paths are relative to the notebook's folder");
    }

    private static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => e,
    };
}

