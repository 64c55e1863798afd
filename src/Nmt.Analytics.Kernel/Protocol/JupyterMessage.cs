using System.Globalization;
using System.Text.Json.Nodes;

namespace Nmt.Analytics.Kernel.Protocol;

/// <summary>A Jupyter message: routing identities, header, parent header, metadata, content and raw buffers.</summary>
internal sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content, IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The header's <c>msg_type</c>.</summary>
    public string MessageType => Header["msg_type"]?.GetValue<string>() ?? "";

    /// <summary>A new message of <paramref name="messageType"/> in <paramref name="session"/>, answering <paramref name="parent"/> (if any).</summary>
    public static JupyterMessage Create(string messageType, JsonObject content, string session, JupyterMessage? parent, IReadOnlyList<byte[]>? identities = null) =>
        new(identities ?? parent?.Identities ?? [], NewHeader(messageType, session), parent?.Header.DeepClone().AsObject() ?? [], [], content, []);

    private static JsonObject NewHeader(string messageType, string session) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "nmt",
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };
}
