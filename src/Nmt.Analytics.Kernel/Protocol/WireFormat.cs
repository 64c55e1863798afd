using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nmt.Analytics.Kernel.Protocol;

/// <summary>
/// Messages to and from ZeroMQ frames: <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header,
/// metadata, content, buffers…]</c>, signature checked on the way in and written on the way out.
/// </summary>
internal sealed class WireFormat(MessageSigner signer)
{
    private static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");

    /// <summary>The frames of <paramref name="message"/>, signed.</summary>
    public List<byte[]> Encode(JupyterMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[][] parts = [Json(message.Header), Json(message.ParentHeader), Json(message.Metadata), Json(message.Content)];
        var frames = new List<byte[]>(message.Identities) { Delimiter, Encoding.ASCII.GetBytes(signer.Sign(parts)) };
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>Reads frames into a message; throws <see cref="InvalidMessageException"/> for a bad signature or shape.</summary>
    public JupyterMessage Decode(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var split = IndexOfDelimiter(frames);
        if (split < 0 || frames.Count < split + 6)
        {
            throw new InvalidMessageException($"malformed message: {frames.Count} frames without the <IDS|MSG> delimiter and the five parts after it");
        }
        var signature = Encoding.ASCII.GetString(frames[split + 1]);
        var parts = frames.Skip(split + 2).Take(4).ToArray();
        if (!signer.Verify(signature, parts))
        {
            throw new InvalidMessageException("invalid signature: the message was not signed with this kernel's key");
        }
        return new JupyterMessage(
            frames.Take(split).ToArray(), Parse(parts[0], "header"), Parse(parts[1], "parent_header"), Parse(parts[2], "metadata"),
            Parse(parts[3], "content"), frames.Skip(split + 6).ToArray());
    }

    private static int IndexOfDelimiter(IReadOnlyList<byte[]> frames)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                return i;
            }
        }
        return -1;
    }

    private static byte[] Json(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonObject Parse(byte[] frame, string part)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject ?? throw new InvalidMessageException($"malformed message: {part} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidMessageException($"malformed message: {part} is not valid JSON ({e.Message})");
        }
    }
}
