using System.Diagnostics.CodeAnalysis;

namespace Nmt.Analytics.Data;

/// <summary>
/// Dictionary look-ups by a span of characters, without allocating a string on .NET 9+ (alternate lookup);
/// on .NET 8 (kept for the notebook kernels) the key is materialised.
/// </summary>
internal static class SpanLookup
{
    public static bool TryGetValue<TValue>(Dictionary<string, TValue> dictionary, ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value)
    {
#if NET9_0_OR_GREATER
        return dictionary.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out value);
#else
        return dictionary.TryGetValue(key.ToString(), out value);
#endif
    }
}
