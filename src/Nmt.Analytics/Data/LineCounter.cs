namespace Nmt.Analytics.Data;

/// <summary>
/// Counts the lines of a seekable stream (a vectorised scan for '\n', about 30 ms per 100 MB) and puts the position
/// back. The count bounds the number of data rows from above (quoted line breaks and blank lines only make it
/// smaller), so the loader can size its columns once, exactly for a clean file, and skip the final trimming copy.
/// </summary>
internal static class LineCounter
{
    /// <summary>Data rows at most (lines − header), or null for a stream that cannot seek.</summary>
    public static long? MaxDataRows(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null;
        }
        var start = stream.Position;
        var buffer = new byte[1 << 16];
        long newlines = 0;
        var last = (byte)'\n';
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            newlines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        stream.Position = start;
        var lines = newlines + (last == (byte)'\n' ? 0 : 1);
        return Math.Max(0, lines - 1);
    }
}
