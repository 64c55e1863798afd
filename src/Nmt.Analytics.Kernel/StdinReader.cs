using System.Text.Json.Nodes;
using Nmt.Analytics.Kernel.Protocol;

namespace Nmt.Analytics.Kernel;

/// <summary>
/// <see cref="Console.In"/> for cells: <c>Console.ReadLine()</c> sends an <c>input_request</c> on the stdin
/// channel to the front end that sent the running cell and waits for its <c>input_reply</c>.
/// </summary>
internal sealed class StdinReader(Channel stdin, string session, Func<bool> stopping) : TextReader
{
    private volatile JupyterMessage? _request;

    /// <summary>The execute request whose front end is asked; null when it did not allow input.</summary>
    public JupyterMessage? Request
    {
        get => _request;
        set => _request = value;
    }

    public override string? ReadLine()
    {
        var request = _request ?? throw new InvalidOperationException("input is not available: the front end did not allow stdin for this cell");
        stdin.Send(JupyterMessage.Create("input_request", new JsonObject { ["prompt"] = "", ["password"] = false }, session, request));
        while (!stopping())
        {
            var reply = stdin.Receive(TimeSpan.FromMilliseconds(200));
            if (reply?.MessageType == "input_reply")
            {
                return reply.Content["value"]?.GetValue<string>() ?? "";
            }
        }
        return null;
    }

    public override int Read() => -1;

    public override int Peek() => -1;
}
