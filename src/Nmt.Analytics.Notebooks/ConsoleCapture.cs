using System.Text;

namespace Nmt.Analytics.Notebooks;

/// <summary>A console writer that sends what a cell prints to the current cell's <see cref="CellOutputSink"/>.</summary>
internal sealed class ConsoleCapture(string stream, SinkSlot slot) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Send(value.ToString());

    public override void Write(string? value) => Send(value);

    public override void Write(char[] buffer, int index, int count) => Send(new string(buffer, index, count));

    private void Send(string? text)
    {
        var sink = slot.Current;
        sink?.ThrowIfStopped();
        sink?.Write(stream, text);
    }
}
