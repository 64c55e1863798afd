using System.Text;

namespace Nmt.Analytics.Notebooks;

/// <summary>A console writer that sends what a cell prints to the current cell's <see cref="CellOutputSink"/>.</summary>
internal sealed class ConsoleCapture(string stream) : TextWriter
{
    public CellOutputSink? Sink { get; set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Sink?.Write(stream, value.ToString());

    public override void Write(string? value) => Sink?.Write(stream, value);

    public override void Write(char[] buffer, int index, int count) => Sink?.Write(stream, new string(buffer, index, count));
}
