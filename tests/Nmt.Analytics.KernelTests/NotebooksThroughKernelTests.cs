namespace Nmt.Analytics.KernelTests;

/// <summary>Every notebook in notebooks/ executed unchanged through the nmt-csharp kernel by nbclient, as Jupyter runs it.</summary>
public sealed class NotebooksThroughKernelTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nmt-nbclient-");

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(KernelProcess.Repository, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_in_the_kernel_and_shows_a_chart_and_a_table(string name)
    {
        var jupyterPath = KernelProcess.InstallKernelSpec(_folder.FullName);
        var notebook = Path.Combine(KernelProcess.Repository, "notebooks", name);
        var (exitCode, output, errors) = KernelProcess.RunDriver(jupyterPath, TimeSpan.FromMinutes(6), "run_notebooks.py", _folder.FullName, notebook);

        Assert.True(exitCode == 0, $"{output}\n{errors}");
        Assert.StartsWith($"PASS {name}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, name)));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
