using System.Text.Json.Nodes;
using Nmt.Analytics.Cli;
using Nmt.Analytics.Kernel.Install;

namespace Nmt.Analytics.KernelTests;

public sealed class KernelSpecTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nmt-kernelspec-");

    [Fact]
    public void Install_with_a_prefix_writes_kernel_json_and_both_logos()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = NmtCli.Run(["kernel", "install", "--prefix", _folder.FullName], stdout, stderr);

        Assert.Equal(0, exitCode);
        var spec = Path.Combine(_folder.FullName, "share", "jupyter", "kernels", "nmt-csharp");
        Assert.Contains(spec, stdout.ToString(), StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(spec, "kernel.json")))!;
        Assert.Equal("C#", json["language"]!.GetValue<string>());
        Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
        var argv = json["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Equal(["kernel", "--connection-file", "{connection_file}"], argv[^3..]);
        Assert.True(File.Exists(argv[0]), argv[0]);
        foreach (var logo in new[] { "logo-32x32.png", "logo-64x64.png" })
        {
            var png = File.ReadAllBytes(Path.Combine(spec, logo));
            Assert.Equal(PngSignature, png[..8]);
        }
    }

    [Fact]
    public void Without_a_prefix_the_spec_goes_to_the_jupyter_data_folder()
    {
        var previous = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", _folder.FullName);
        try
        {
            var folder = KernelSpec.Install(["/opt/nmt/nmt"], prefix: null);

            Assert.Equal(Path.Combine(_folder.FullName, "kernels", "nmt-csharp"), folder);
            Assert.True(File.Exists(Path.Combine(folder, "kernel.json")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", previous);
        }
    }

    [Fact]
    public void User_and_prefix_together_are_refused()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = NmtCli.Run(["kernel", "install", "--user", "--prefix", _folder.FullName], stdout, stderr);

        Assert.Equal(1, exitCode);
        Assert.Contains("either --user or --prefix", stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
