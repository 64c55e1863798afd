using System.Globalization;
using System.Text;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Collects a running cell's outputs in the order they happen: console text is buffered and becomes a
/// <c>stream</c> output whenever a display (or the end of the cell, or a <see cref="Flush"/>) follows it.
/// A kernel bounds the text a cell may print and stops the sink when the cell is interrupted; the batch
/// executor does neither.
/// </summary>
internal sealed class CellOutputSink
{
    private readonly object _gate = new();
    private readonly Action<NotebookOutput> _emit;
    private readonly long? _maxStreamChars;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private long _streamChars;
    private long _dropped;
    private volatile bool _stopped;

    /// <summary>A sink that appends to <paramref name="outputs"/>.</summary>
    public CellOutputSink(List<NotebookOutput> outputs)
        : this(outputs.Add)
    {
    }

    /// <summary>A sink that hands each output to <paramref name="emit"/>; past <paramref name="maxStreamChars"/> printed characters, text is dropped and counted.</summary>
    public CellOutputSink(Action<NotebookOutput> emit, long? maxStreamChars = null)
    {
        _emit = emit;
        _maxStreamChars = maxStreamChars;
    }

    /// <summary>Characters of console text dropped past the limit.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(string stream, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        lock (_gate)
        {
            var room = _maxStreamChars is { } max ? Math.Max(0, max - _streamChars) : long.MaxValue;
            var kept = (int)Math.Min(text.Length, room);
            (stream == "stderr" ? _stderr : _stdout).Append(text, 0, kept);
            _streamChars += kept;
            _dropped += text.Length - kept;
        }
    }

    public void Add(NotebookOutput output)
    {
        lock (_gate)
        {
            FlushLocked();
            _emit(output);
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    /// <summary>Stops the cell: its next print or display throws, so a printing loop ends (cooperative interrupt).</summary>
    public void Stop() => _stopped = true;

    /// <summary>Called by the cell's console and <c>display</c> before writing.</summary>
    public void ThrowIfStopped()
    {
        if (_stopped)
        {
            throw new OperationCanceledException("the cell was interrupted");
        }
    }

    /// <summary>A closing note on stderr if text was dropped.</summary>
    public void ReportDropped()
    {
        lock (_gate)
        {
            if (_dropped > 0)
            {
                _stderr.Append(CultureInfo.InvariantCulture,
                    $"\n[output truncated: {_dropped} more characters were printed than the {_maxStreamChars} a cell may show]\n");
                _dropped = 0;
            }
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (_stdout.Length > 0)
        {
            _emit(new StreamOutput("stdout", _stdout.ToString()));
            _stdout.Clear();
        }
        if (_stderr.Length > 0)
        {
            _emit(new StreamOutput("stderr", _stderr.ToString()));
            _stderr.Clear();
        }
    }
}
