using System.Text.Json.Nodes;

namespace Nmt.Analytics.NotebookTests;

/// <summary>
/// Every repository notebook runs unchanged in the real .NET Interactive C# kernel, driven by Jupyter itself
/// (<c>jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=.net-csharp</c>), after the
/// one set-up command its README gives (<c>bash notebooks/setup</c>).
/// </summary>
public class KernelNotebookTests(JupyterRuns runs) : IClassFixture<JupyterRuns>
{
    [JupyterTheory]
    [MemberData(nameof(RepositoryNotebookTests.Notebooks), MemberType = typeof(RepositoryNotebookTests))]
    public async Task Notebook_runs_green_in_the_dotnet_interactive_kernel_under_jupyter(string name)
    {
        Assert.True(JupyterKernel.IsInstalled, JupyterKernel.Missing);

        var (exitCode, log) = await runs.RunAsync(name);

        Assert.True(exitCode == 0, $"jupyter nbconvert --execute {name} exited {exitCode}:\n{log}");
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(runs.OutputFolder, name)))!;
        var outputs = executed["cells"]!.AsArray()
            .Where(c => c!["cell_type"]!.GetValue<string>() == "code")
            .SelectMany(c => c!["outputs"]!.AsArray())
            .Select(o => o!)
            .ToList();
        Assert.DoesNotContain(outputs, o => o["output_type"]!.GetValue<string>() == "error");
        var html = outputs.Select(o => TestNotebooks.Text(o["data"]?["text/html"])).ToList();
        Assert.Contains(html, h => h.Contains("<table", StringComparison.Ordinal));
        Assert.Contains(html, h => h.Contains("data:image/png;base64,", StringComparison.Ordinal));
    }
}
