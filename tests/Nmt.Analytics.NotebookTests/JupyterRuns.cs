using System.Collections.Concurrent;

namespace Nmt.Analytics.NotebookTests;

/// <summary>
/// Executes every repository notebook in the real kernel once, three at a time (each run is mostly kernel start-up
/// and package restore), each slot with its own web ports, into a temporary folder; the tests read the executed copies.
/// </summary>
public sealed class JupyterRuns : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("nmt-jupyter-");
    private readonly SemaphoreSlim _slots = new(3);
    private readonly ConcurrentBag<int> _free = [0, 1, 2];
    private readonly ConcurrentDictionary<string, Lazy<Task<(int ExitCode, string Log)>>> _runs = new(StringComparer.Ordinal);

    /// <summary>Where the executed notebooks are written.</summary>
    public string OutputFolder => _output.FullName;

    /// <summary>The run of <paramref name="name"/>; the first call starts all notebooks.</summary>
    public Task<(int ExitCode, string Log)> RunAsync(string name)
    {
        _ = PackedLibrary.Folder;
        foreach (var notebook in RepositoryNotebookTests.Names())
        {
            _runs.GetOrAdd(notebook, n => new Lazy<Task<(int, string)>>(() => Task.Run(() => ExecuteAsync(n))));
        }
        foreach (var run in _runs.Values)
        {
            _ = run.Value;
        }
        return _runs[name].Value;
    }

    private async Task<(int, string)> ExecuteAsync(string name)
    {
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
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _output.Delete(recursive: true);
    }
}
