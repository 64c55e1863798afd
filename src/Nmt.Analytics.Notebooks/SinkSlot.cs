namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Where a running cell's console text and <c>display</c> calls go. The sink flows with the cell's execution
/// context (so a cell a kernel gave up on keeps writing to its own, stopped sink, not to the next cell's);
/// code on threads outside that flow falls back to the sink of the cell running now.
/// </summary>
internal sealed class SinkSlot
{
    private readonly AsyncLocal<CellOutputSink?> _flowing = new();
    private volatile CellOutputSink? _current;

    public CellOutputSink? Current => _flowing.Value ?? _current;

    public void Set(CellOutputSink? sink)
    {
        _flowing.Value = sink;
        _current = sink;
    }
}
