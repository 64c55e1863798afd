namespace Nmt.Analytics.KernelTests;

/// <summary>Runs drivers/interactive_session.py once (jupyter_client against a real nmt kernel process).</summary>
public sealed class InteractiveSessionFixture : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nmt-kernel-");

    public InteractiveSessionFixture()
    {
        var jupyterPath = KernelProcess.InstallKernelSpec(_folder.FullName);
        var log = Path.Combine(_folder.FullName, "kernel.log");
        (ExitCode, Output, Errors) = KernelProcess.RunDriver(jupyterPath, TimeSpan.FromMinutes(4), "interactive_session.py", log);
        KernelLog = File.Exists(log) ? File.ReadAllText(log) : "";
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Errors { get; }

    public string KernelLog { get; }

    public void Dispose() => _folder.Delete(recursive: true);
}

/// <summary>
/// An interactive session as a front end drives it: kernel_info, execute with streams, displays and results,
/// completion, inspection, is_complete, comm_info, an exception then a good cell, stdin, interrupts, output
/// flooding, a message with a wrong signature, restart and shutdown. Each check is one line of the driver.
/// </summary>
public sealed class InteractiveSessionTests(InteractiveSessionFixture session) : IClassFixture<InteractiveSessionFixture>
{
    public static TheoryData<string> Checks() =>
    [
        "kernel_info", "preloaded_library_and_nuget_lines", "display_plot_and_table", "complete_members_and_scope", "inspect",
        "is_complete", "comm_info", "exception_then_good_cell", "compile_error_names_line_and_code", "stdin_readline",
        "interrupt_sleeping_loop", "interrupt_printing_busy_loop", "output_flood_is_bounded", "wrong_signature_refused",
        "restart", "shutdown",
    ];

    [Theory]
    [MemberData(nameof(Checks))]
    public void Check_passes(string check)
    {
        var line = session.Output.Split('\n').FirstOrDefault(l => l == $"PASS {check}" || l.StartsWith($"FAIL {check}:", StringComparison.Ordinal));
        Assert.True(line == $"PASS {check}",
            $"{line ?? "(check not run)"}\n--- driver output ---\n{session.Output}\n--- driver errors ---\n{session.Errors}\n--- kernel log ---\n{session.KernelLog}");
    }

    [Fact]
    public void The_driver_exits_cleanly_and_the_kernel_logs_its_stops()
    {
        Assert.True(session.ExitCode == 0, session.Output + session.Errors);
        Assert.Contains("shutdown for restart", session.KernelLog, StringComparison.Ordinal);
        Assert.Contains("kernel stopped", session.KernelLog, StringComparison.Ordinal);
    }
}
