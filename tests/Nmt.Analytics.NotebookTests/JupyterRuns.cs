using System.Collections.Concurrent;

namespace Nmt.Analytics.NotebookTests;

/// <summary>
/// Executes every repository notebook in the real kernel once, three at a time (each run is mostly kernel start-up
/// and package restore), each slot with its own web ports, into a temporary folder; the tests read the executed copies.
/// </summary>
/// <remarks>
/// The first notebook runs alone. Every notebook resolves the same <c>#r "nuget: Nmt.Analytics, 0.1.0"</c>, and
/// .NET Interactive's resolver (FSharp.DependencyManager.Nuget) keeps one results file per package set under
/// <c>~/.packagemanagement/nuget/Cache</c>. On a cold cache (a fresh machine, or right after
/// <c>notebooks/setup</c> re-packed the library) each kernel restores and then copies its result over that same file,
/// and a kernel reading it meanwhile fails with "PackageManagement Error 999 … being used by another process". Once
/// one kernel has written it, the others only read it.
/// </remarks>
public sealed class JupyterRuns : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("nmt-jupyter-");
    private readonly SemaphoreSlim _slots = new(3);
    private readonly ConcurrentBag<int> _free = [0, 1, 2];
    private readonly ConcurrentDictionary<string, Lazy<Task<(int ExitCode, string Log)>>> _runs = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _cacheWarm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where the executed notebooks are written.</summary>
    public string OutputFolder => _output.FullName;

    /// <summary>The run of <paramref name="name"/>; the first call starts all notebooks.</summary>
    public Task<(int ExitCode, string Log)> RunAsync(string name)
    {
        _ = PackedLibrary.Folder;
        var first = RepositoryNotebookTests.Names().First();
        foreach (var notebook in RepositoryNotebookTests.Names())
        {
            _runs.GetOrAdd(notebook, n => new Lazy<Task<(int, string)>>(() => Task.Run(() => ExecuteAsync(n, n == first))));
        }
        foreach (var run in _runs.Values)
        {
            _ = run.Value;
        }
        return _runs[name].Value;
    }

    private async Task<(int, string)> ExecuteAsync(string name, bool first)
    {
        if (!first)
        {
            await _cacheWarm.Task;
        }
        await _slots.WaitAsync();
        _free.TryTake(out var slot);
        try
        {
            var path = Path.Combine(RepositoryRoot.Path, "notebooks", name);
            return await JupyterKernel.ExecuteAsync(path, OutputFolder, slot, TimeSpan.FromMinutes(10));
        }
        finally
        {
            _free.Add(slot);
            _slots.Release();
            if (first)
            {
                _cacheWarm.TrySetResult();
            }
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _output.Delete(recursive: true);
    }
}
