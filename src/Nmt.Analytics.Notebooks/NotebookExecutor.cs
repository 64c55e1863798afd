using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Runs the C# cells of a Polyglot notebook in order with Roslyn scripting (<c>CSharpScript.RunAsync</c>, then
/// <c>ContinueWithAsync</c>, so variables and usings carry from cell to cell) and stores each cell's outputs
/// in the notebook. Stops at the first failing or refused cell, which gets an <c>error</c> output.
/// </summary>
/// <remarks>
/// While running, the process's console output and current directory (the notebook's folder, as in Jupyter)
/// belong to the notebook: run one notebook at a time per process.
/// </remarks>
public sealed class NotebookExecutor
{
    /// <summary>Default limit for one cell.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Creates an executor; <paramref name="cellTimeout"/> bounds each cell (default <see cref="DefaultCellTimeout"/>).</summary>
    public NotebookExecutor(TimeSpan? cellTimeout = null) => CellTimeout = cellTimeout ?? DefaultCellTimeout;

    /// <summary>The longest a single cell may run.</summary>
    public TimeSpan CellTimeout { get; }

    /// <summary>Raised before and after each code cell.</summary>
    public event EventHandler<CellProgressEventArgs>? CellProgress;

    /// <summary>Runs every code cell of <paramref name="notebook"/>, filling in its outputs.</summary>
    public async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var run = new Run(notebook, this);
        var originalOut = Console.Out;
        var originalError = Console.Error;
        var originalDirectory = Environment.CurrentDirectory;
        Console.SetOut(run.StdOut);
        Console.SetError(run.StdErr);
        Environment.CurrentDirectory = Path.GetDirectoryName(notebook.Path) ?? originalDirectory;
        try
        {
            return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Environment.CurrentDirectory = originalDirectory;
        }
    }

    private void Report(CellProgressEventArgs progress) => CellProgress?.Invoke(this, progress);

    /// <summary>The state of one run: script state, options, counters.</summary>
    private sealed class Run(NotebookDocument notebook, NotebookExecutor executor)
    {
        private readonly List<string> _notes = [];
        private readonly int _codeCellCount = notebook.Cells.Count(c => c.IsCode);
        private readonly string _folder = Path.GetDirectoryName(Path.GetFullPath(notebook.Path)) ?? ".";
        private PackageSources? _packageSources;
        private NugetDirectiveResolver? _resolver;
        private ScriptOptions _options = ScriptEnvironment.Options;
        private ScriptState<object?>? _state;

        private PackageSources Sources => _packageSources ??= new PackageSources(_folder);

        private NugetDirectiveResolver Packages => _resolver ??= new NugetDirectiveResolver(Sources);

        public ConsoleCapture StdOut { get; } = new("stdout");

        public ConsoleCapture StdErr { get; } = new("stderr");

        public async Task<NotebookRunResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var codeNumber = 0;
            foreach (var cell in notebook.Cells.Where(c => c.IsCode))
            {
                codeNumber++;
                cell.Outputs.Clear();
                cell.ExecutionCount = codeNumber;
                executor.Report(new CellProgressEventArgs(cell, codeNumber, _codeCellCount, CellPhase.Started, TimeSpan.Zero));
                var cellClock = Stopwatch.StartNew();
                var error = await RunCellAsync(cell, codeNumber, cancellationToken).ConfigureAwait(false);
                var phase = error is null ? CellPhase.Succeeded : CellPhase.Failed;
                executor.Report(new CellProgressEventArgs(cell, codeNumber, _codeCellCount, phase, cellClock.Elapsed));
                if (error is not null)
                {
                    var message = $"notebook {notebook.Name}, cell {cell.Number} (code cell {codeNumber}): {error}";
                    return new NotebookRunResult(codeNumber - 1, new NotebookFailure(cell.Number, codeNumber, message), _notes, clock.Elapsed);
                }
            }
            return new NotebookRunResult(codeNumber, null, _notes, clock.Elapsed);
        }

        /// <summary>Runs one cell; returns null on success, else the error text (the cell already holds an error output).</summary>
        private async Task<string?> RunCellAsync(NotebookCell cell, int codeNumber, CancellationToken cancellationToken)
        {
            var sink = new CellOutputSink(cell.Outputs);
            KernelHelpers.Sink = sink;
            StdOut.Sink = sink;
            StdErr.Sink = sink;
            var label = $"cell{cell.Number}";
            try
            {
                CheckKernel(cell);
                var prepared = CellPreprocessor.Prepare(cell.Source);
                AddReferences(prepared);
                var options = _options.WithFilePath(label);
                var state = await Task.Run(
                        async () => await (_state ?? await CSharpScript.RunAsync<object?>(KernelHelpers.Import, options, cancellationToken: cancellationToken).ConfigureAwait(false))
                            .ContinueWithAsync<object?>(prepared.Code, options, cancellationToken).ConfigureAwait(false),
                        cancellationToken)
                    .WaitAsync(executor.CellTimeout, cancellationToken)
                    .ConfigureAwait(false);
                _state = state;
                sink.Flush();
                if (CellValue.HasValue(state.Script))
                {
                    sink.Add(new DisplayOutput(DisplayRenderer.Render(state.ReturnValue), codeNumber));
                }
                return null;
            }
#pragma warning disable CA1031 // Any failure of user code must become the cell's error output, never a crash.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var error = CellError.From(Unwrap(e), label, executor.CellTimeout);
                sink.Add(error.Output);
                return error.Summary;
            }
            finally
            {
                sink.Flush();
                KernelHelpers.Sink = null;
                StdOut.Sink = null;
                StdErr.Sink = null;
            }
        }

        private void CheckKernel(NotebookCell cell)
        {
            var kernel = cell.KernelName ?? notebook.DefaultKernelName;
            if (!string.Equals(kernel, "csharp", StringComparison.OrdinalIgnoreCase) && !string.Equals(kernel, "C#", StringComparison.OrdinalIgnoreCase))
            {
                throw new CellRefusedException(
                    $"the cell's kernel is '{kernel}'; `nmt notebook run` runs C# cells only (polyglot_notebook.kernelName \"csharp\")");
            }
        }

        /// <summary>Applies a cell's <c>#i</c> and <c>#r</c> lines before it compiles, as the kernel does.</summary>
        private void AddReferences(PreparedCell prepared)
        {
            foreach (var (source, line) in prepared.Sources)
            {
                Sources.Include(source, line);
            }
            var packages = prepared.References.Where(r => r.IsNuGet).Select(r => new PackageRequest(r.Target, r.Version, r.Line)).ToList();
            var notes = new List<string>();
            IReadOnlyList<string> files = packages.Count == 0 ? [] : Packages.Resolve(packages, notes);
            _notes.AddRange(notes.Select(n => $"notebook {notebook.Name}: {n}"));
            foreach (var reference in prepared.References.Where(r => !r.IsNuGet))
            {
                files = [.. files, AssemblyFile(reference)];
            }
            _options = _options.AddReferences(files.Select(ScriptEnvironment.ReferenceFor).OfType<MetadataReference>());
        }

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
}
