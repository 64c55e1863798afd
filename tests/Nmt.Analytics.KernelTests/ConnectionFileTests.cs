using Nmt.Analytics.Cli;
using Nmt.Analytics.Kernel.Protocol;

namespace Nmt.Analytics.KernelTests;

public sealed class ConnectionFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nmt-connection-");

    [Fact]
    public void A_jupyter_connection_file_is_read()
    {
        var path = Write("""{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005, "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "nmt-csharp"}""");

        var info = ConnectionInfo.Load(path);

        Assert.Equal("tcp://127.0.0.1:5001", info.Address(info.ShellPort));
        Assert.Equal(5005, info.HeartbeatPort);
        Assert.Equal("k", info.Key);
    }

    [Theory]
    [InlineData("""{"shell_port": 1,""", "not valid JSON (line 1")]
    [InlineData("""[1, 2]""", "expected a JSON object")]
    [InlineData("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4}""", "\"hb_port\" is missing")]
    [InlineData("""{"shell_port": "x", "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "\"shell_port\" must be a port number")]
    [InlineData("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "transport": "ipc"}""", "transport 'ipc' is not supported")]
    [InlineData("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-md5"}""", "signature_scheme 'hmac-md5'")]
    public void A_malformed_connection_file_is_a_user_error_naming_the_problem(string json, string expected)
    {
        var path = Write(json);

        var (exitCode, _, errors) = Cli("kernel", "--connection-file", path);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_connection_file_or_option_exits_1_with_a_message()
    {
        var missing = Cli("kernel", "--connection-file", Path.Combine(_folder.FullName, "nope.json"));
        var absent = Cli("kernel");

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("connection file not found", missing.Errors, StringComparison.Ordinal);
        Assert.Equal(1, absent.ExitCode);
        Assert.Contains("--connection-file FILE is required", absent.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_is_a_user_error_naming_socket_and_address()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var path = Write($$"""{"shell_port": {{port}}, "iopub_port": 0, "stdin_port": 0, "control_port": 0, "hb_port": 0, "ip": "127.0.0.1", "key": "k"}""");

        var (exitCode, _, errors) = Cli("kernel", "--connection-file", path);

        Assert.Equal(1, exitCode);
        Assert.Contains($"cannot listen for shell on tcp://127.0.0.1:{port}: the address is already in use", errors, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int ExitCode, string Output, string Errors) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = NmtCli.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
