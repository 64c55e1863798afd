using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4.5, as written by Polyglot Notebooks): cells plus metadata. Reading and
/// writing keeps unknown metadata and keys; cells without an id get one, which makes the file nbformat 4.5.
/// </summary>
public sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _json;

    private NotebookDocument(JsonObject json, string path)
    {
        _json = json;
        Path = path;
        var cells = json["cells"] as JsonArray ?? throw Invalid(path, "it has no \"cells\" array");
        Cells = [.. cells.Select((c, i) => new NotebookCell(c as JsonObject ?? throw Invalid(path, $"cell {i + 1} is not a JSON object"), i + 1))];
        if (json["nbformat_minor"] is null || json["nbformat_minor"]!.GetValue<int>() < 5)
        {
            json["nbformat_minor"] = 5;
        }
    }

    /// <summary>Where the notebook was read from (used to resolve <c>#r "relative.dll"</c> and to name it in messages).</summary>
    public string Path { get; }

    /// <summary>The file name, as messages show it.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>All cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The notebook metadata (kernelspec, language_info, polyglot_notebook, and anything else, preserved).</summary>
    public JsonObject Metadata => _json["metadata"] as JsonObject ?? (JsonObject)(_json["metadata"] = new JsonObject());

    /// <summary>The default kernel of the notebook (<c>polyglot_notebook.kernelInfo.defaultKernelName</c>), <c>csharp</c> if unset.</summary>
    public string DefaultKernelName =>
        Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";

    /// <summary>Reads a notebook file; malformed JSON is an <see cref="NmtInputException"/> naming the notebook and the position.</summary>
    public static NotebookDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> names it in messages and anchors relative references.</summary>
    public static NotebookDocument Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw Invalid(path, $"it is not valid JSON{where}: {FirstSentence(e.Message)}");
        }
        return new NotebookDocument(root as JsonObject ?? throw Invalid(path, "its top level is not a JSON object"), System.IO.Path.GetFullPath(path));
    }

    /// <summary>The notebook as nbformat JSON text (one-space indent like Jupyter, trailing newline).</summary>
    public string ToJson()
    {
        var json = (JsonObject)_json.DeepClone();
        json["cells"] = new JsonArray([.. Cells.Select(c => (JsonNode)c.ToJson())]);
        return json.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes the notebook (with this run's outputs) to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        File.WriteAllText(path, ToJson());
    }

    private static NmtInputException Invalid(string path, string problem) =>
        new($"notebook {System.IO.Path.GetFileName(path)}: {problem}. Is it a Jupyter/Polyglot .ipynb file?");

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " LineNumber: … | BytePositionInLine: …" and " Path: …"; the position is already in our message.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        cut = cut > 0 ? cut : message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
