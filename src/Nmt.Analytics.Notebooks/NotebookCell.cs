using System.Text.Json.Nodes;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// One cell of a notebook. Everything the file holds (metadata, attachments, unknown keys) is kept as read;
/// only a code cell's <c>outputs</c> and <c>execution_count</c> are rewritten on save.
/// </summary>
public sealed class NotebookCell
{
    private readonly JsonObject _json;

    internal NotebookCell(JsonObject json, int number)
    {
        _json = json;
        Number = number;
        CellType = json["cell_type"]?.GetValue<string>() ?? "code";
        Source = ReadSource(json["source"]);
        if (json["id"] is null)
        {
            json["id"] = $"cell-{number}";
        }
        if (IsCode && json["outputs"] is JsonArray existing)
        {
            existing.Clear();
        }
    }

    /// <summary>1-based position among all cells (markdown included), as shown in an editor.</summary>
    public int Number { get; }

    /// <summary>nbformat <c>cell_type</c>: <c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType { get; }

    /// <summary>True for a code cell.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell id (nbformat 4.5); one is assigned when the file had none.</summary>
    public string Id => _json["id"]!.GetValue<string>();

    /// <summary>The cell's text.</summary>
    public string Source { get; }

    /// <summary>The cell's metadata object (unknown keys preserved).</summary>
    public JsonObject Metadata => _json["metadata"] as JsonObject ?? (JsonObject)(_json["metadata"] = new JsonObject());

    /// <summary>The Polyglot kernel of the cell (<c>polyglot_notebook.kernelName</c>, or the older <c>dotnet_interactive.language</c>), if set.</summary>
    public string? KernelName =>
        (Metadata["polyglot_notebook"]?["kernelName"] ?? Metadata["dotnet_interactive"]?["language"])?.GetValue<string>();

    /// <summary>Outputs of the last run (code cells).</summary>
    public List<NotebookOutput> Outputs { get; } = [];

    /// <summary>The run's execution counter for this cell, or null when not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>The cell as nbformat JSON, with this run's outputs.</summary>
    public JsonObject ToJson()
    {
        var json = (JsonObject)_json.DeepClone();
        if (IsCode)
        {
            json["execution_count"] = ExecutionCount;
            json["outputs"] = new JsonArray([.. Outputs.Select(o => (JsonNode)o.ToJson())]);
        }
        return json;
    }

    private static string ReadSource(JsonNode? source) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => source.GetValue<string>(),
    };
}
