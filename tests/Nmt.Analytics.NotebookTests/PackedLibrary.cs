using System.Diagnostics;
using System.Reflection;

namespace Nmt.Analytics.NotebookTests;

/// <summary>
/// Runs the notebooks' own set-up once per test run (<c>bash notebooks/setup --library-only</c>), packing the library
/// the solution build just compiled in the tests' own configuration (<c>--no-build</c>: no second build racing the
/// other test assemblies), and names that package folder in a nuget.config wherever a test runs a notebook, as
/// notebooks/nuget.config does for the repository's notebooks.
/// </summary>
internal static class PackedLibrary
{
    private static readonly Lazy<string> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>notebooks/.packages, holding a fresh Nmt.Analytics package.</summary>
    public static string Folder => Packed.Value;

    /// <summary>Writes a nuget.config naming <see cref="Folder"/> into <paramref name="notebookFolder"/>.</summary>
    public static void UseIn(string notebookFolder) =>
        File.WriteAllText(Path.Combine(notebookFolder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="nmt-notebooks" value="{Folder}" />
              </packageSources>
            </configuration>
            """);

    private static string Pack()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "notebooks", "setup"));
        start.ArgumentList.Add("--library-only");
        start.Environment["NMT_PACK_CONFIGURATION"] = typeof(PackedLibrary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        start.Environment["NMT_PACK_OPTIONS"] = "--no-build --disable-build-servers";
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bash notebooks/setup did not finish within 10 minutes");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bash notebooks/setup failed ({process.ExitCode}):\n{stdout.Result}{stderr.Result}");
        }
        return Path.Combine(RepositoryRoot.Path, "notebooks", ".packages");
    }
}
