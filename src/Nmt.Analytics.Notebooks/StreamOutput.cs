using System.Text.Json.Nodes;

namespace Nmt.Analytics.Notebooks;

/// <summary>Text the cell wrote to the console (<c>stream</c>, name <c>stdout</c> or <c>stderr</c>).</summary>
public sealed class StreamOutput(string name, string text) : NotebookOutput
{
    /// <summary><c>stdout</c> or <c>stderr</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The text written.</summary>
    public string Text { get; } = text;

    /// <inheritdoc />
    public override string OutputType => "stream";

    /// <inheritdoc />
    public override JsonObject ToJson() => new()
    {
        ["output_type"] = OutputType,
        ["name"] = Name,
        ["text"] = Lines(Text),
    };
}
