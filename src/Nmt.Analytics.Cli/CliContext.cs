namespace Nmt.Analytics.Cli;

/// <summary>Output writers and the error handling of every command.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>
    /// Runs <paramref name="body"/> and maps failures to exit codes: the user's mistakes (<see cref="NmtInputException"/>,
    /// missing files and folders, no permission) → 1 with the message; anything else → 2 with a one-line message (stack
    /// trace only with NMT_DEBUG=1).
    /// </summary>
    public int Guard(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (FileNotFoundException e)
        {
            Error.WriteLine($"error: file not found: {e.FileName ?? e.Message}");
            return 1;
        }
        catch (Exception e) when (e is NmtInputException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            Error.WriteLine($"error: {e.Message}");
            return 1;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: report, never crash with a trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            Error.WriteLine(Environment.GetEnvironmentVariable("NMT_DEBUG") == "1" ? e.ToString() : "(set NMT_DEBUG=1 for details, and please report this)");
            return 2;
        }
    }

    /// <summary>Runs <paramref name="body"/> under <see cref="Guard"/> and prints the result it returns; the result's exit code.</summary>
    public int Print(OutputFormat format, Func<ResultOutput> body) => Guard(() => body().Write(format, Out, Error));
}
