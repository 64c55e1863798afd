using System.Globalization;

namespace Nmt.Analytics.Kernel;

/// <summary>The kernel's own log: one timestamped line per event on the real standard error (Jupyter shows it in the server's terminal).</summary>
internal sealed class KernelLog(TextWriter writer)
{
    private readonly object _gate = new();

    public void Write(string message)
    {
        lock (_gate)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[nmt kernel {DateTime.UtcNow:HH:mm:ss.fff}] {message}"));
            writer.Flush();
        }
    }
}
