namespace Nmt.Analytics.Data;

/// <summary>
/// Writing output files without surprises (contract "Nothing overwritten by surprise"): an existing file or a
/// non-empty folder is replaced only when the caller says so (<c>--force</c>); a file is written beside its target
/// and renamed into place, and a folder is built beside its target and moved into place when complete, so an
/// interrupted run never leaves a half-written output that looks complete. Problems are user errors that say what
/// is wrong: a folder where a file is wanted, a file where a folder is wanted, a missing or read-only folder.
/// </summary>
public static class OutputFiles
{
    /// <summary>Checks that a file may be written at <paramref name="path"/> before any work is done.</summary>
    /// <exception cref="NmtInputException">The path is a folder, the file exists without <paramref name="force"/>, or its folder is missing.</exception>
    public static string CheckFile(string path, bool force)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new NmtInputException($"'{full}' is a directory; give a file name to write.");
        }
        if (File.Exists(full) && !force)
        {
            throw new NmtInputException($"'{full}' already exists; give another name, or --force to replace it.");
        }
        CheckFolder(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Checks that a folder of outputs may be written at <paramref name="path"/> before any work is done.</summary>
    /// <exception cref="NmtInputException">The path is a file, a non-empty folder without <paramref name="force"/>, or its parent is missing.</exception>
    public static string CheckDirectory(string path, bool force)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(full))
        {
            throw new NmtInputException($"'{full}' is a file, not a folder; give a folder to write into.");
        }
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !force)
        {
            throw new NmtInputException($"folder '{full}' is not empty; give a new or empty folder, or --force to replace its contents.");
        }
        CheckFolder(Path.GetDirectoryName(full) ?? full);
        return full;
    }

    /// <summary>Writes a file through a temporary file beside it, renamed into place when <paramref name="write"/> completes.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="force">Replace an existing file.</param>
    /// <param name="write">Writes the content to the path it is given.</param>
    /// <exception cref="NmtInputException">As for <see cref="CheckFile"/>, or the folder is not writable.</exception>
    public static void WriteFile(string path, bool force, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = CheckFile(path, force);
        // Same extension, as writers pick the format from it (.png/.svg).
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.partial{Path.GetExtension(full)}");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NmtInputException(Explain(full, e), e);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>
    /// Builds a folder of outputs in a temporary folder beside <paramref name="path"/> and moves it into place when
    /// <paramref name="build"/> completes; with <paramref name="force"/> the old folder is replaced as a whole, so no
    /// stale file from an earlier run survives. If the build fails, the temporary folder is removed.
    /// </summary>
    /// <exception cref="NmtInputException">As for <see cref="CheckDirectory"/>, or the parent folder is not writable.</exception>
    public static T BuildDirectory<T>(string path, bool force, Func<string, T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var full = CheckDirectory(path, force);
        var parent = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        var old = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.old");
        try
        {
            Directory.CreateDirectory(temp);
            var result = build(temp);
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
            }
            Directory.Move(temp, full);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NmtInputException(Explain(full, e), e);
        }
        finally
        {
            TryDeleteDirectory(temp);
            TryDeleteDirectory(old);
        }
    }

    private static void CheckFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new NmtInputException($"folder '{folder}' does not exist; create it first.");
        }
    }

    private static string Explain(string path, Exception e) => e is UnauthorizedAccessException
        ? $"'{path}' is not writable (permission denied): choose a folder you can write to."
        : $"cannot write '{path}': {e.Message}";

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless and clearly named.
        }
    }

    private static void TryDeleteDirectory(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, as above.
        }
    }
}
