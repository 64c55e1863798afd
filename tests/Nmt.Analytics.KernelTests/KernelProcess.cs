using System.Diagnostics;

namespace Nmt.Analytics.KernelTests;

/// <summary>
/// The pieces the driver tests share: the repository, a kernelspec for the nmt built beside the tests (in a
/// folder of its own, found through JUPYTER_PATH), and Debian's Python with jupyter_client and nbclient.
/// </summary>
internal static class KernelProcess
{
    public static string Repository { get; } = FindRepository();

    /// <summary>Debian's interpreter (a pyenv python3 earlier on PATH lacks Debian's Jupyter packages).</summary>
    public static string Python { get; } = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Writes the nmt-csharp kernelspec for this build under <paramref name="prefix"/>; returns the JUPYTER_PATH entry.</summary>
    public static string InstallKernelSpec(string prefix)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, "nmt");
        string[] command = File.Exists(apphost) ? [apphost] : ["dotnet", Path.Combine(AppContext.BaseDirectory, "nmt.dll")];
        Kernel.Install.KernelSpec.Install(command, prefix);
        return Path.Combine(prefix, "share", "jupyter");
    }

    /// <summary>Runs a driver script under tests/Nmt.Analytics.KernelTests/drivers; returns its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Errors) RunDriver(string jupyterPath, TimeSpan limit, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(Repository, "tests", "Nmt.Analytics.KernelTests", "drivers", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["JUPYTER_PATH"] = jupyterPath;
        start.Environment["JUPYTER_PLATFORM_DIRS"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {limit.TotalSeconds} s; so far:\n{output.Result}\n{errors.Result}");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nmt.Analytics.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Nmt.Analytics.sln above {AppContext.BaseDirectory}.");
    }
}
