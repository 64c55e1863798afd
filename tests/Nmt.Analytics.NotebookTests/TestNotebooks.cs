using System.Text.Json.Nodes;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.NotebookTests;

/// <summary>Loads the test notebooks and runs them; checks outputs against nbformat 4's required keys.</summary>
internal static class TestNotebooks
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "notebooks", name);

    public static async Task<(NotebookDocument Notebook, NotebookRunResult Result)> RunAsync(string name)
    {
        PackedLibrary.UseIn(Path.GetDirectoryName(PathOf(name))!);
        var notebook = NotebookDocument.Load(PathOf(name));
        var result = await new NotebookExecutor(TimeSpan.FromSeconds(120)).RunAsync(notebook);
        return (notebook, result);
    }

    /// <summary>The outputs of a code cell as written to the file.</summary>
    public static JsonArray WrittenOutputs(NotebookDocument notebook, int cellNumber)
    {
        var json = JsonNode.Parse(notebook.ToJson())!;
        return json["cells"]![cellNumber - 1]!["outputs"]!.AsArray();
    }

    /// <summary>Asserts the nbformat 4.5 required keys of the document, its cells and outputs.</summary>
    public static void AssertValidNbformat(string text)
    {
        var json = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(4, json["nbformat"]!.GetValue<int>());
        Assert.True(json["nbformat_minor"]!.GetValue<int>() >= 5);
        Assert.NotNull(json["metadata"]);
        foreach (var cell in json["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", cell["id"]!.GetValue<string>());
            Assert.NotNull(cell["metadata"]);
            Assert.NotNull(cell["source"]);
            if (cell["cell_type"]!.GetValue<string>() != "code")
            {
                continue;
            }
            Assert.True(cell.ContainsKey("execution_count"));
            foreach (var output in cell["outputs"]!.AsArray().Select(o => o!.AsObject()))
            {
                AssertValidOutput(output);
            }
        }
    }

    private static void AssertValidOutput(JsonObject output)
    {
        switch (output["output_type"]!.GetValue<string>())
        {
            case "stream":
                Assert.Contains(output["name"]!.GetValue<string>(), new[] { "stdout", "stderr" });
                Assert.NotNull(output["text"]);
                break;
            case "display_data":
                Assert.IsType<JsonObject>(output["data"]);
                Assert.IsType<JsonObject>(output["metadata"]);
                break;
            case "execute_result":
                Assert.IsType<JsonObject>(output["data"]);
                Assert.IsType<JsonObject>(output["metadata"]);
                Assert.True(output["execution_count"]!.GetValue<int>() > 0);
                break;
            case "error":
                Assert.NotNull(output["ename"]!.GetValue<string>());
                Assert.NotNull(output["evalue"]!.GetValue<string>());
                Assert.IsType<JsonArray>(output["traceback"]);
                break;
            default:
                Assert.Fail($"unknown output_type in {output}");
                break;
        }
    }

    /// <summary>Concatenated text of an output's MIME entry (nbformat stores multiline text as a list of lines).</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        null => "",
        _ => node.GetValue<string>(),
    };
}
