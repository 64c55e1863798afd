using System.Text.Json.Nodes;

namespace Nmt.Analytics.Notebooks;

/// <summary>One output of a code cell, in standard nbformat 4 shape (readable by Jupyter, VS Code and GitHub).</summary>
public abstract class NotebookOutput
{
    /// <summary>The nbformat <c>output_type</c>: <c>display_data</c>, <c>execute_result</c>, <c>stream</c> or <c>error</c>.</summary>
    public abstract string OutputType { get; }

    /// <summary>The output as an nbformat JSON object.</summary>
    public abstract JsonObject ToJson();

    /// <summary>Splits text into nbformat's list-of-lines form (each line keeps its newline).</summary>
    internal static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            array.Add(text[start..end]);
            start = end;
        }
        return array;
    }
}
