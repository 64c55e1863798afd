using NetMQ;

namespace Nmt.Analytics.Kernel.Protocol;

/// <summary>
/// One kernel socket with its wire format. NetMQ sockets are not thread-safe, so every send goes through a lock
/// (iopub is written by the shell, control and flush threads); each socket is read by one thread only.
/// </summary>
internal sealed class Channel(string name, NetMQSocket socket, WireFormat wire, KernelLog log) : IDisposable
{
    private readonly object _gate = new();

    public string Name { get; } = name;

    public void Send(JupyterMessage message)
    {
        var frames = wire.Encode(message);
        var outgoing = new NetMQMessage(frames);
        lock (_gate)
        {
            socket.SendMultipartMessage(outgoing);
        }
    }

    /// <summary>The next valid message, or null after <paramref name="wait"/> (invalid ones are logged and dropped).</summary>
    public JupyterMessage? Receive(TimeSpan wait)
    {
        NetMQMessage? incoming = null;
        if (!socket.TryReceiveMultipartMessage(wait, ref incoming) || incoming is null)
        {
            return null;
        }
        try
        {
            return wire.Decode(incoming.Select(f => f.ToByteArray()).ToArray());
        }
        catch (InvalidMessageException e)
        {
            log.Write($"refused a message on {Name}: {e.Message}");
            return null;
        }
    }

    public void Dispose() => socket.Dispose();
}
