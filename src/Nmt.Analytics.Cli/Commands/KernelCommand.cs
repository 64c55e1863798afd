using System.Reflection;
using Nmt.Analytics.Kernel;
using Nmt.Analytics.Kernel.Install;

namespace Nmt.Analytics.Cli.Commands;

/// <summary>
/// <c>nmt kernel --connection-file FILE</c>: runs the nmt-csharp Jupyter kernel (started by Jupyter, not by hand);
/// <c>nmt kernel install [--user | --prefix DIR]</c>: registers it as a kernelspec.
/// </summary>
internal static class KernelCommand
{
    public static Command Create(CliContext context)
    {
        var connection = new Option<FileInfo?>("--connection-file", "-f")
        {
            Description = "The connection file Jupyter writes (ports and signing key); Jupyter passes it through the kernelspec.",
        };
        var kernel = new Command("kernel", "The nmt-csharp Jupyter kernel: C# cells over Roslyn with Nmt.Analytics preloaded.") { connection, InstallCommand(context) };
        kernel.SetAction(parse => context.Guard(() =>
        {
            var file = parse.GetValue(connection)
                ?? throw new NmtInputException("--connection-file FILE is required (Jupyter starts the kernel with it; to register the kernel run `nmt kernel install`).");
            return JupyterKernel.Run(file.FullName, context.Error);
        }));
        return kernel;
    }

    private static Command InstallCommand(CliContext context)
    {
        var user = Declare.Option<bool>("--user", "Install for the current user (the default): Jupyter's user data folder.");
        var prefix = Declare.Option<DirectoryInfo?>("--prefix", "Install under DIR/share/jupyter/kernels instead (e.g. a virtual environment's prefix).");
        var install = new Command("install", $"Write the Jupyter kernelspec '{KernelSpec.Name}' that runs this nmt.") { user, prefix };
        install.SetAction(parse => context.Guard(() =>
        {
            if (parse.GetValue(user) && parse.GetValue(prefix) is not null)
            {
                throw new NmtInputException("give either --user or --prefix DIR, not both.");
            }
            var folder = KernelSpec.Install(ThisCommand(), parse.GetValue(prefix)?.FullName);
            context.Out.WriteLine($"installed kernelspec {KernelSpec.Name} in {folder}");
            return 0;
        }));
        return install;
    }

    /// <summary>How to start this nmt again: the apphost itself, or <c>dotnet nmt.dll</c> when run through the dotnet host.</summary>
    private static string[] ThisCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        var entry = Assembly.GetEntryAssembly()?.Location;
        return string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(entry)
            ? [process, entry]
            : [process];
    }
}
