using System.Text.Json.Nodes;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// A rich output: <c>display_data</c> (from <c>display(...)</c>) or <c>execute_result</c> (a cell's value),
/// keyed by MIME type (<c>text/html</c>, <c>image/png</c> as base64, <c>text/plain</c>).
/// </summary>
public sealed class DisplayOutput : NotebookOutput
{
    /// <summary>Creates a rich output; <paramref name="executionCount"/> set makes it the cell's <c>execute_result</c>.</summary>
    public DisplayOutput(IReadOnlyDictionary<string, string> data, int? executionCount = null)
    {
        Data = data;
        ExecutionCount = executionCount;
    }

    /// <summary>MIME type → content (PNG as base64).</summary>
    public IReadOnlyDictionary<string, string> Data { get; }

    /// <summary>Set for a cell's value (<c>execute_result</c>); null for <c>display_data</c>.</summary>
    public int? ExecutionCount { get; }

    /// <inheritdoc />
    public override string OutputType => ExecutionCount is null ? "display_data" : "execute_result";

    /// <inheritdoc />
    public override JsonObject ToJson()
    {
        var data = new JsonObject();
        foreach (var (mime, content) in Data)
        {
            data[mime] = mime == "image/png" ? JsonValue.Create(content) : Lines(content);
        }
        var json = new JsonObject { ["output_type"] = OutputType };
        if (ExecutionCount is { } count)
        {
            json["execution_count"] = count;
        }
        json["data"] = data;
        json["metadata"] = new JsonObject();
        return json;
    }
}
