using System.Text.Json.Nodes;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.Kernel;

/// <summary>A cell output as the iopub message a front end renders: <c>stream</c>, <c>display_data</c>, <c>execute_result</c> or <c>error</c>.</summary>
internal static class OutputMessages
{
    public static (string Type, JsonObject Content) From(NotebookOutput output) => output switch
    {
        StreamOutput stream => ("stream", new JsonObject { ["name"] = stream.Name, ["text"] = stream.Text }),
        DisplayOutput { ExecutionCount: { } count } display => ("execute_result", new JsonObject
        {
            ["execution_count"] = count,
            ["data"] = Data(display),
            ["metadata"] = new JsonObject(),
        }),
        DisplayOutput display => ("display_data", new JsonObject
        {
            ["data"] = Data(display),
            ["metadata"] = new JsonObject(),
            ["transient"] = new JsonObject(),
        }),
        ErrorOutput error => ("error", Error(error)),
        _ => throw new ArgumentException($"unknown output type {output.OutputType}", nameof(output)),
    };

    /// <summary>The <c>ename</c>/<c>evalue</c>/<c>traceback</c> fields, shared by the iopub message and the execute reply.</summary>
    public static JsonObject Error(ErrorOutput error) => new()
    {
        ["ename"] = error.ErrorName,
        ["evalue"] = error.ErrorValue,
        ["traceback"] = new JsonArray([.. error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line))]),
    };

    private static JsonObject Data(DisplayOutput display)
    {
        var data = new JsonObject();
        foreach (var (mime, content) in display.Data)
        {
            data[mime] = content;
        }
        return data;
    }
}
