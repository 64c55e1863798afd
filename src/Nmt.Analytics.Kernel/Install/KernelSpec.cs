using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nmt.Analytics.Kernel.Install;

/// <summary>
/// Writes the Jupyter kernelspec <c>nmt-csharp</c> (kernel.json and two logos) into a Jupyter data folder, so
/// JupyterLab, classic Jupyter, VS Code's Jupyter extension and nbclient find the kernel
/// (https://jupyter-client.readthedocs.io/en/stable/kernels.html#kernel-specs).
/// </summary>
public static class KernelSpec
{
    /// <summary>The kernelspec's name (what <c>--kernel_name</c> / <c>kernel_name=</c> select).</summary>
    public const string Name = "nmt-csharp";

    /// <summary>The name front ends show.</summary>
    public const string DisplayName = "C# (Nmt.Analytics)";

    /// <summary>
    /// Writes the kernelspec that starts <paramref name="command"/> followed by
    /// <c>kernel --connection-file {connection_file}</c>, under <paramref name="prefix"/><c>/share/jupyter/kernels</c>
    /// or, without a prefix, the user's Jupyter data folder. Returns the folder written.
    /// </summary>
    public static string Install(IReadOnlyList<string> command, string? prefix)
    {
        ArgumentNullException.ThrowIfNull(command);
        var root = prefix is null ? UserDataFolder() : Path.Combine(Path.GetFullPath(prefix), "share", "jupyter");
        var folder = Path.Combine(root, "kernels", Name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"), Json(command).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllBytes(Path.Combine(folder, "logo-32x32.png"), KernelLogo.Png(32));
        File.WriteAllBytes(Path.Combine(folder, "logo-64x64.png"), KernelLogo.Png(64));
        return folder;
    }

    /// <summary>The kernel.json content.</summary>
    public static JsonObject Json(IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        string[] argv = [.. command, "kernel", "--connection-file", "{connection_file}"];
        return new JsonObject
        {
            ["argv"] = new JsonArray([.. argv.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["display_name"] = DisplayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
    }

    /// <summary>Jupyter's per-user data folder: <c>JUPYTER_DATA_DIR</c>, else the platform default (as <c>jupyter --data-dir</c>).</summary>
    public static string UserDataFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitFolder)
        {
            return explicitFolder;
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter");
        }
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share");
        return Path.Combine(data, "jupyter");
    }
}
