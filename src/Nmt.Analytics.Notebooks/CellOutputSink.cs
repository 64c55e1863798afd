using System.Text;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Collects a running cell's outputs in the order they happen: console text is buffered and becomes a
/// <c>stream</c> output whenever a display (or the end of the cell) follows it.
/// </summary>
internal sealed class CellOutputSink
{
    private readonly object _gate = new();
    private readonly List<NotebookOutput> _outputs;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public CellOutputSink(List<NotebookOutput> outputs) => _outputs = outputs;

    public void Write(string stream, string? text)
    {
        lock (_gate)
        {
            (stream == "stderr" ? _stderr : _stdout).Append(text);
        }
    }

    public void Add(NotebookOutput output)
    {
        lock (_gate)
        {
            FlushLocked();
            _outputs.Add(output);
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (_stdout.Length > 0)
        {
            _outputs.Add(new StreamOutput("stdout", _stdout.ToString()));
            _stdout.Clear();
        }
        if (_stderr.Length > 0)
        {
            _outputs.Add(new StreamOutput("stderr", _stderr.ToString()));
            _stderr.Clear();
        }
    }
}
