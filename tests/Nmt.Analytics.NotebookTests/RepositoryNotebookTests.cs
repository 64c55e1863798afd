using System.Text.Json.Nodes;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.NotebookTests;

/// <summary>Every notebook shipped in the repository's <c>notebooks/</c> folder runs with the same executor as <c>nmt notebook run</c>.</summary>
public class RepositoryNotebookTests
{
    private static string Folder => Path.Combine(RepositoryRoot.Path, "notebooks");

    /// <summary>The file names of the repository's notebooks.</summary>
    internal static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*.ipynb").Order(StringComparer.Ordinal).Select(p => Path.GetFileName(p));

    public static TheoryData<string> Notebooks() => new(Names());

    [Fact]
    public void The_notebooks_folder_is_not_empty() =>
        Assert.NotEmpty(Directory.GetFiles(Folder, "*.ipynb"));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_and_shows_a_table_and_a_chart(string name)
    {
        _ = PackedLibrary.Folder; // bash notebooks/setup, as the README says
        var notebook = NotebookDocument.Load(Path.Combine(Folder, name));

        var result = await new NotebookExecutor(TimeSpan.FromMinutes(3)).RunAsync(notebook);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var data = notebook.Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>().Select(o => o.Data).ToList();
        Assert.Contains(data, d => d.TryGetValue("text/html", out var html) && html.Contains("<table", StringComparison.Ordinal));
        Assert.Contains(data, d => d.ContainsKey("image/png"));
        TestNotebooks.AssertValidNbformat(notebook.ToJson());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_has_the_polyglot_csharp_metadata(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name)))!;
        var metadata = json["metadata"]!;
        Assert.Equal(".net-csharp", metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(".NET (C#)", metadata["kernelspec"]!["display_name"]!.GetValue<string>());
        Assert.Equal("C#", metadata["kernelspec"]!["language"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", metadata["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        var code = json["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
        Assert.All(code, c => Assert.Equal("csharp", c!["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>()));
        // All #r/#i lines sit in the first code cell, which references the library as a package (notebooks/README.md).
        Assert.All(code.Skip(1), c => Assert.DoesNotMatch("(?m)^#[ri] ", TestNotebooks.Text(c!["source"])));
        Assert.Contains("#r \"nuget: Nmt.Analytics, 0.1.0\"", TestNotebooks.Text(code[0]!["source"]), StringComparison.Ordinal);
    }
}
