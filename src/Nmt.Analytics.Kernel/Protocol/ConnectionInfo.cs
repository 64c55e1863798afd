using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nmt.Analytics.Kernel.Protocol;

/// <summary>
/// A Jupyter connection file: where the five sockets listen and the key messages are signed with
/// (https://jupyter-client.readthedocs.io/en/stable/kernels.html#connection-files).
/// </summary>
internal sealed record ConnectionInfo(
    string Transport, string Ip, int ShellPort, int IopubPort, int StdinPort, int ControlPort, int HeartbeatPort, string Key, string SignatureScheme)
{
    /// <summary>The ZeroMQ address of a port, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Address(int port) => string.Create(CultureInfo.InvariantCulture, $"{Transport}://{Ip}:{port}");

    /// <summary>Reads and checks a connection file; a missing or malformed one is an <see cref="NmtInputException"/> naming the problem.</summary>
    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new NmtInputException($"connection file not found: {path}");
        }
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new NmtInputException($"connection file {path}: expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new NmtInputException($"connection file {path}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
        var info = new ConnectionInfo(
            Text(json, "transport", path, "tcp"),
            Text(json, "ip", path, "127.0.0.1"),
            Port(json, "shell_port", path),
            Port(json, "iopub_port", path),
            Port(json, "stdin_port", path),
            Port(json, "control_port", path),
            Port(json, "hb_port", path),
            Text(json, "key", path, ""),
            Text(json, "signature_scheme", path, "hmac-sha256"));
        if (info.Transport != "tcp")
        {
            throw new NmtInputException($"connection file {path}: transport '{info.Transport}' is not supported (use tcp)");
        }
        if (info.Key.Length > 0 && info.SignatureScheme != "hmac-sha256")
        {
            throw new NmtInputException($"connection file {path}: signature_scheme '{info.SignatureScheme}' is not supported (use hmac-sha256)");
        }
        return info;
    }

    private static string Text(JsonObject json, string name, string path, string fallback)
    {
        var node = json[name];
        if (node is null)
        {
            return fallback;
        }
        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw new NmtInputException($"connection file {path}: \"{name}\" must be a string");
    }

    private static int Port(JsonObject json, string name, string path)
    {
        var node = json[name] ?? throw new NmtInputException($"connection file {path}: \"{name}\" is missing");
        return node.GetValueKind() == JsonValueKind.Number && node.GetValue<double>() is var value && value is >= 0 and <= 65535 && value == Math.Floor(value)
            ? (int)value
            : throw new NmtInputException($"connection file {path}: \"{name}\" must be a port number (0-65535), not {node.ToJsonString()}");
    }
}
