using System.Text.Json.Nodes;

namespace Nmt.Analytics.Notebooks;

/// <summary>The failure of a cell (<c>error</c>): exception name, message and a traceback of lines.</summary>
public sealed class ErrorOutput(string errorName, string errorValue, IReadOnlyList<string> traceback) : NotebookOutput
{
    /// <summary>nbformat <c>ename</c>, e.g. <c>CompilationError</c> or the exception type.</summary>
    public string ErrorName { get; } = errorName;

    /// <summary>nbformat <c>evalue</c>: the message.</summary>
    public string ErrorValue { get; } = errorValue;

    /// <summary>nbformat <c>traceback</c>: diagnostics or stack lines.</summary>
    public IReadOnlyList<string> Traceback { get; } = traceback;

    /// <inheritdoc />
    public override string OutputType => "error";

    /// <inheritdoc />
    public override JsonObject ToJson() => new()
    {
        ["output_type"] = OutputType,
        ["ename"] = ErrorName,
        ["evalue"] = ErrorValue,
        ["traceback"] = new JsonArray([.. Traceback.Select(line => (JsonNode?)JsonValue.Create(line))]),
    };
}
