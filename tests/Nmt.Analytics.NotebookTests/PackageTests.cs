using System.Diagnostics;
using System.IO.Compression;

namespace Nmt.Analytics.NotebookTests;

public class PackageTests
{
    /// <summary>
    /// The library multi-targets so the last .NET Interactive kernels (.NET 8/9) can load it. Packs with a
    /// configuration of its own (own bin/obj subfolders, so it cannot race a Debug or Release build of the
    /// solution), reusing the restore already done.
    /// </summary>
    [Fact]
    public void The_library_package_holds_net8_and_net10_assemblies()
    {
        var temp = Directory.CreateTempSubdirectory("nmt-pack-");
        try
        {
            var project = Path.Combine(RepositoryRoot.Path, "src", "Nmt.Analytics", "Nmt.Analytics.csproj");
            var (exitCode, output) = Dotnet("pack", project, "--no-restore", "--disable-build-servers", "-p:RunAnalyzers=false", "-c", "PackageTest", "-o", Path.Combine(temp.FullName, "out"));
            Assert.True(exitCode == 0, output);

            var package = Assert.Single(Directory.GetFiles(Path.Combine(temp.FullName, "out"), "Nmt.Analytics.*.nupkg"));
            using var zip = ZipFile.OpenRead(package);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("lib/net8.0/Nmt.Analytics.dll", entries);
            Assert.Contains("lib/net10.0/Nmt.Analytics.dll", entries);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "dotnet pack timed out");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
