using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Nmt.Analytics.NotebookTests;

/// <summary>
/// The real .NET Interactive Jupyter kernel, driven by Jupyter's own nbclient (<c>jupyter nbconvert --execute</c>):
/// installed by <c>.ci/run</c> (Debian jupyter-nbconvert, python3-nbclient, python3-ipykernel; the
/// Microsoft.dotnet-interactive tool; <c>dotnet interactive jupyter install</c>).
/// </summary>
internal static class JupyterKernel
{
    public const string KernelName = ".net-csharp";

    private static readonly string Tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");

    /// <summary>True when jupyter-nbconvert, the .net-csharp kernelspec and the dotnet-interactive tool are all there.</summary>
    public static bool IsInstalled { get; } = Find("jupyter-nbconvert") is not null && Find("dotnet-interactive") is not null && KernelSpecExists();

    /// <summary>Why the kernel cannot run, with the commands that install it.</summary>
    public static string Missing =>
        $"the .NET Interactive Jupyter kernel is not installed (jupyter-nbconvert: {Find("jupyter-nbconvert") ?? "missing"}, " +
        $"dotnet-interactive: {Find("dotnet-interactive") ?? "missing"}, kernelspec {KernelName}: {(KernelSpecExists() ? "found" : "missing")}); " +
        "install it as .ci/run does: apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel; " +
        "dotnet tool install --global Microsoft.dotnet-interactive --version 1.0.712001; dotnet interactive jupyter install";

    /// <summary>
    /// Executes <paramref name="notebook"/> in the kernel (cwd = its folder, as Jupyter does), writing the result into
    /// <paramref name="outputFolder"/>. Kernels started together race for the same web port (the kernelspec's
    /// <c>--http-port-range 2048-3000</c>), so each of up to three parallel <paramref name="slot"/>s gets a copy of the
    /// installed kernelspec with a third of that range, found first through <c>JUPYTER_PATH</c>.
    /// </summary>
    public static async Task<(int ExitCode, string Log)> ExecuteAsync(string notebook, string outputFolder, int slot, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Find("jupyter-nbconvert")!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     "--to", "notebook", "--execute", $"--ExecutePreprocessor.kernel_name={KernelName}",
                     "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.startup_timeout=300",
                     "--output-dir", outputFolder, notebook,
                 })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PATH"] = $"{Environment.GetEnvironmentVariable("PATH")}{Path.PathSeparator}{Tools}";
        start.Environment["JUPYTER_PATH"] = SlotKernelSpec(outputFolder, slot);
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"jupyter nbconvert did not finish within {timeout.TotalSeconds} s\n{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append(Tools)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);

    private static bool KernelSpecExists() => InstalledKernelSpec() is not null;

    private static string? InstalledKernelSpec()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] roots =
        [
            Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") ?? Path.Combine(home, ".local", "share", "jupyter"),
            "/usr/local/share/jupyter",
            "/usr/share/jupyter",
        ];
        return roots.Select(r => Path.Combine(r, "kernels", KernelName, "kernel.json")).FirstOrDefault(File.Exists);
    }

    /// <summary>A folder whose kernels/.net-csharp is the installed kernelspec with this slot's share of the web ports.</summary>
    private static string SlotKernelSpec(string outputFolder, int slot)
    {
        var spec = JsonNode.Parse(File.ReadAllText(InstalledKernelSpec()!))!;
        var argv = spec["argv"]!.AsArray();
        var range = argv.Select((a, i) => (Value: a!.GetValue<string>(), Index: i)).FirstOrDefault(a => a.Value == "--http-port-range").Index;
        if (range > 0)
        {
            argv[range + 1] = $"{2048 + (slot * 300)}-{2048 + (slot * 300) + 299}";
        }
        var folder = Path.Combine(outputFolder, $".jupyter-slot{slot}");
        Directory.CreateDirectory(Path.Combine(folder, "kernels", KernelName));
        File.WriteAllText(Path.Combine(folder, "kernels", KernelName, "kernel.json"), spec.ToJsonString());
        return folder;
    }
}
