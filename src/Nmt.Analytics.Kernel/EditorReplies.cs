using System.Text.Json.Nodes;
using Nmt.Analytics.Kernel.Editing;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.Kernel;

/// <summary>The replies to <c>complete_request</c>, <c>inspect_request</c> and <c>is_complete_request</c> (positions in code points).</summary>
internal static class EditorReplies
{
    public static JsonObject Complete(ScriptSession session, string code, int cursor)
    {
        var position = TextPositions.ToUtf16(code, cursor);
        var (start, items) = CodeCompletion.Complete(CellCompilation.Of(session, code), position);
        var from = TextPositions.ToCodePoints(code, start);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. items.Select(i => (JsonNode?)JsonValue.Create(i.Text))]),
            ["cursor_start"] = from,
            ["cursor_end"] = cursor,
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray([.. items.Select(i => (JsonNode?)new JsonObject
                {
                    ["start"] = from,
                    ["end"] = cursor,
                    ["text"] = i.Text,
                    ["type"] = i.Kind,
                })]),
            },
        };
    }

    public static JsonObject Inspect(ScriptSession session, string code, int cursor)
    {
        var text = CodeInspection.Describe(CellCompilation.Of(session, code), TextPositions.ToUtf16(code, cursor));
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    public static JsonObject IsComplete(string code)
    {
        var status = CodeCompleteness.Status(code);
        var reply = new JsonObject { ["status"] = status };
        if (status == "incomplete")
        {
            reply["indent"] = "    ";
        }
        return reply;
    }
}
