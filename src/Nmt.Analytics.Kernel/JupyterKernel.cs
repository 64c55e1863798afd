using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using Nmt.Analytics.Kernel.Execution;
using Nmt.Analytics.Kernel.Protocol;

namespace Nmt.Analytics.Kernel;

/// <summary>
/// The <c>nmt-csharp</c> Jupyter kernel: messaging protocol 5.3 over ZeroMQ (NetMQ) with shell, iopub, stdin,
/// control and heartbeat sockets, HMAC-SHA256 signed messages, over the notebook executor's Roslyn session.
/// </summary>
/// <remarks>
/// Threads: shell requests are handled one at a time on the calling thread (a cell runs on its own thread
/// meanwhile); control (interrupt, shutdown) and heartbeat have a thread each, so they answer while a cell runs.
/// Messages with a wrong signature are logged and dropped, never executed.
/// </remarks>
public sealed class JupyterKernel : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly KernelLog _log;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly List<IDisposable> _sockets = [];
    private readonly Channel _shell;
    private readonly Channel _control;
    private readonly Channel _stdin;
    private readonly Channel _iopub;
    private readonly ResponseSocket _heartbeat;
    private readonly KernelSession _kernel = new(Environment.CurrentDirectory);
    private readonly StdinReader _input;
    private volatile bool _stopping;

    private JupyterKernel(ConnectionInfo info, TextWriter log)
    {
        _log = new KernelLog(log);
        var wire = new WireFormat(new MessageSigner(info.Key));
        try
        {
            _shell = Bind("shell", new RouterSocket(), info, info.ShellPort, wire);
            _control = Bind("control", new RouterSocket(), info, info.ControlPort, wire);
            _stdin = Bind("stdin", new RouterSocket(), info, info.StdinPort, wire);
            _iopub = Bind("iopub", new PublisherSocket(), info, info.IopubPort, wire);
            _heartbeat = new ResponseSocket();
            _sockets.Add(_heartbeat);
            BindSocket(_heartbeat, info.Address(info.HeartbeatPort), "heartbeat");
        }
        catch
        {
            Dispose();
            throw;
        }
        _input = new StdinReader(_stdin, _session, () => _stopping);
    }

    /// <summary>
    /// Runs a kernel for the connection file until a <c>shutdown_request</c>; returns 0. A missing or malformed
    /// connection file, or a port that cannot be bound, is an <see cref="NmtInputException"/>.
    /// </summary>
    public static int Run(string connectionFile, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var info = ConnectionInfo.Load(connectionFile);
        using var kernel = new JupyterKernel(info, log);
        kernel.Serve();
        return 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
        NetMQConfig.Cleanup(block: false);
    }

    private void Serve()
    {
        var session = _kernel.Session;
        Console.SetOut(session.StdOut);
        Console.SetError(session.StdErr);
        Console.SetIn(_input);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            _log.Write("SIGINT: interrupting the running cell");
            _kernel.Interrupt();
        });
        var heartbeat = new Thread(Heartbeat) { IsBackground = true, Name = "nmt-heartbeat" };
        var control = new Thread(() => Listen(_control)) { IsBackground = true, Name = "nmt-control" };
        heartbeat.Start();
        control.Start();
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        _log.Write($"kernel {KernelInfo.Version} ready (session {_session})");
        Listen(_shell);
        control.Join();
        heartbeat.Join();
        _log.Write("kernel stopped");
    }

    private void Listen(Channel channel) => Loop(channel.Name, () =>
    {
        if (channel.Receive(Poll) is { } request)
        {
            Handle(channel, request);
        }
    });

    private void Heartbeat() => Loop("heartbeat", () =>
    {
        if (_heartbeat.TryReceiveFrameBytes(Poll, out var ping))
        {
            _heartbeat.SendFrame(ping);
        }
    });

    /// <summary>Repeats <paramref name="step"/> until shutdown; a failure is logged and the loop goes on, so the kernel never dies silently.</summary>
    private void Loop(string name, Action step)
    {
        while (!_stopping)
        {
            try
            {
                step();
            }
#pragma warning disable CA1031 // Logged; the socket loop must survive.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _log.Write($"{name}: {e.GetType().Name}: {e.Message}");
                Thread.Sleep(Poll);
            }
        }
    }

    private void Handle(Channel channel, JupyterMessage request)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        try
        {
            Dispatch(channel, request);
        }
#pragma warning disable CA1031 // A failing handler is logged and answered; the kernel stays up.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.Write($"{request.MessageType} on {channel.Name} failed: {e.GetType().Name}: {e.Message}");
            if (request.MessageType.EndsWith("_request", StringComparison.Ordinal))
            {
                Reply(channel, request, new JsonObject { ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = e.Message, ["traceback"] = new JsonArray() });
            }
        }
        finally
        {
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    private void Dispatch(Channel channel, JupyterMessage request)
    {
        var content = request.Content;
        switch (request.MessageType)
        {
            case "kernel_info_request":
                Reply(channel, request, KernelInfo.Content());
                break;
            case "execute_request":
                Execute(channel, request);
                break;
            case "complete_request":
                Reply(channel, request, EditorReplies.Complete(_kernel.Session, Text(content, "code"), Number(content, "cursor_pos")));
                break;
            case "inspect_request":
                Reply(channel, request, EditorReplies.Inspect(_kernel.Session, Text(content, "code"), Number(content, "cursor_pos")));
                break;
            case "is_complete_request":
                Reply(channel, request, EditorReplies.IsComplete(Text(content, "code")));
                break;
            case "comm_info_request":
                Reply(channel, request, new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "history_request":
                Reply(channel, request, new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "interrupt_request":
                _log.Write(_kernel.Interrupt() ? "interrupt: stopping the running cell" : "interrupt: no cell is running");
                Reply(channel, request, new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                var restart = content["restart"]?.GetValue<bool>() ?? false;
                _log.Write(restart ? "shutdown for restart" : "shutdown");
                _kernel.Interrupt();
                Reply(channel, request, new JsonObject { ["status"] = "ok", ["restart"] = restart });
                _stopping = true;
                break;
            case "comm_open" or "comm_msg" or "comm_close":
                _log.Write($"{request.MessageType} ignored: this kernel has no comm targets");
                break;
            default:
                _log.Write($"unknown message type '{request.MessageType}' on {channel.Name} ignored");
                break;
        }
    }

    private void Execute(Channel channel, JupyterMessage request)
    {
        var content = request.Content;
        var code = Text(content, "code");
        var silent = content["silent"]?.GetValue<bool>() ?? false;
        var storeHistory = !silent && (content["store_history"]?.GetValue<bool>() ?? true);
        if (!silent)
        {
            var next = _kernel.ExecutionCount + (storeHistory ? 1 : 0);
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = next }, request);
        }
        _input.Request = content["allow_stdin"]?.GetValue<bool>() == true ? request : null;
        CellOutcome outcome;
        try
        {
            outcome = _kernel.Execute(code, storeHistory, output =>
            {
                var (type, message) = OutputMessages.From(output);
                if (!(silent && type == "execute_result"))
                {
                    Publish(type, message, request);
                }
            });
        }
        finally
        {
            _input.Request = null;
        }
        var reply = outcome.Error is { } error ? OutputMessages.Error(error) : new JsonObject { ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() };
        reply["status"] = outcome.Error is null ? "ok" : "error";
        reply["execution_count"] = outcome.ExecutionCount;
        Reply(channel, request, reply);
    }

    private void Reply(Channel channel, JupyterMessage request, JsonObject content)
    {
        var type = request.MessageType.Replace("_request", "_reply", StringComparison.Ordinal);
        channel.Send(JupyterMessage.Create(type, content, _session, request));
    }

    private void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var topic = Encoding.UTF8.GetBytes($"kernel.{_session}.{type}");
        _iopub.Send(JupyterMessage.Create(type, content, _session, parent, [topic]));
    }

    private Channel Bind(string name, NetMQSocket socket, ConnectionInfo info, int port, WireFormat wire)
    {
        _sockets.Add(socket);
        BindSocket(socket, info.Address(port), name);
        var channel = new Channel(name, socket, wire, _log);
        return channel;
    }

    private static void BindSocket(NetMQSocket socket, string address, string name)
    {
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        try
        {
            socket.Bind(address);
        }
        catch (AddressAlreadyInUseException)
        {
            throw new NmtInputException($"cannot listen for {name} on {address}: the address is already in use (is another kernel using this connection file?)");
        }
        catch (NetMQException e)
        {
            throw new NmtInputException($"cannot listen for {name} on {address}: {e.Message}");
        }
    }

    private static string Text(JsonObject content, string name) => content[name]?.GetValue<string>() ?? "";

    private static int Number(JsonObject content, string name) => content[name]?.GetValue<int>() ?? 0;
}
