namespace Nmt.Analytics.Kernel.Editing;

/// <summary>Jupyter counts cursor positions in Unicode code points (protocol 5.2+); .NET strings count UTF-16 units.</summary>
internal static class TextPositions
{
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var n = 0; n < codePoints && index < text.Length; n++)
        {
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        }
        return Math.Min(index, text.Length);
    }

    public static int ToCodePoints(string text, int utf16) =>
        text[..Math.Clamp(utf16, 0, text.Length)].EnumerateRunes().Count();

    /// <summary>Whether <paramref name="c"/> may be part of a C# identifier.</summary>
    public static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The start of the identifier that ends at <paramref name="position"/>.</summary>
    public static int IdentifierStart(string text, int position)
    {
        var start = position;
        while (start > 0 && IsIdentifierChar(text[start - 1]))
        {
            start--;
        }
        return start;
    }

    /// <summary>The end of the identifier that contains <paramref name="position"/>.</summary>
    public static int IdentifierEnd(string text, int position)
    {
        var end = position;
        while (end < text.Length && IsIdentifierChar(text[end]))
        {
            end++;
        }
        return end;
    }
}
