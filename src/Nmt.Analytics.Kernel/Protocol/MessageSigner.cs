using System.Security.Cryptography;
using System.Text;

namespace Nmt.Analytics.Kernel.Protocol;

/// <summary>
/// HMAC-SHA256 over the header, parent header, metadata and content frames, as lowercase hex
/// (Jupyter messaging, "The Wire Protocol"). An empty key means messages are not signed.
/// </summary>
internal sealed class MessageSigner(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    /// <summary>The signature of four frames ("" without a key).</summary>
    public string Sign(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (_key.Length == 0)
        {
            return "";
        }
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var frame in frames)
        {
            hmac.AppendData(frame);
        }
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="signature"/> is right for the frames (constant-time comparison).</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> frames)
    {
        if (_key.Length == 0)
        {
            return true;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(frames));
        var actual = Encoding.ASCII.GetBytes(signature ?? "");
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
