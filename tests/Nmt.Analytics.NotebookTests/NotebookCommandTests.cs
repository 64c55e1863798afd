using System.Text.Json.Nodes;
using Nmt.Analytics.Cli;

namespace Nmt.Analytics.NotebookTests;

public sealed class NotebookCommandTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("nmt-notebook-");

    public NotebookCommandTests() => PackedLibrary.UseIn(_temp.FullName);

    public void Dispose() => _temp.Delete(recursive: true);

    private string Copy(string name)
    {
        var path = Path.Combine(_temp.FullName, name);
        File.Copy(TestNotebooks.PathOf(name), path);
        return path;
    }

    private static (int ExitCode, string Out, string Error) Nmt(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = NmtCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_writes_the_executed_notebook_to_out_and_reports_progress()
    {
        var source = Copy("state-and-display.ipynb");
        var target = Path.Combine(_temp.FullName, "executed", "done.ipynb");

        var (code, output, error) = Nmt("notebook", "run", source, "--out", target);

        Assert.True(code == 0, error);
        Assert.Contains("[1/6] cell 2 running", output, StringComparison.Ordinal);
        Assert.Contains("[6/6] cell 7 ok", output, StringComparison.Ordinal);
        Assert.Contains($"ran 6 code cells of state-and-display.ipynb", output, StringComparison.Ordinal);
        var executed = JsonNode.Parse(File.ReadAllText(target))!;
        Assert.Equal(2, executed["cells"]![2]!["execution_count"]!.GetValue<int>());
        Assert.Empty(JsonNode.Parse(File.ReadAllText(source))!["cells"]![2]!["outputs"]!.AsArray());
    }

    [Fact]
    public void Run_without_out_executes_the_notebook_in_place()
    {
        var source = Copy("state-and-display.ipynb");

        var (code, _, error) = Nmt("notebook", "run", source);

        Assert.True(code == 0, error);
        Assert.NotEmpty(JsonNode.Parse(File.ReadAllText(source))!["cells"]![2]!["outputs"]!.AsArray());
    }

    [Fact]
    public void A_failing_cell_exits_1_naming_notebook_and_cell_and_still_writes_the_error_output()
    {
        var source = Copy("compile-error.ipynb");

        var (code, _, error) = Nmt("notebook", "run", source);

        Assert.Equal(1, code);
        Assert.StartsWith("error: notebook compile-error.ipynb, cell 3 (code cell 2): compile error: line 2", error, StringComparison.Ordinal);
        var outputs = JsonNode.Parse(File.ReadAllText(source))!["cells"]![2]!["outputs"]!.AsArray();
        Assert.Equal("error", outputs.Single()!["output_type"]!.GetValue<string>());
    }

    [Fact]
    public void A_cell_over_the_timeout_fails_with_a_hint()
    {
        var source = Copy("slow-cell.ipynb");

        var (code, _, error) = Nmt("notebook", "run", source, "--timeout", "1");

        Assert.Equal(1, code);
        Assert.Contains("cell 1 (code cell 1): the cell did not finish within 1 s (raise --timeout)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_and_a_missing_file_exit_1_with_a_message()
    {
        var (code, _, error) = Nmt("notebook", "run", Copy("malformed.ipynb"));
        Assert.Equal(1, code);
        Assert.StartsWith("error: notebook malformed.ipynb: it is not valid JSON at line 4", error, StringComparison.Ordinal);

        (code, _, error) = Nmt("notebook", "run", Path.Combine(_temp.FullName, "absent.ipynb"));
        Assert.Equal(1, code);
        Assert.Contains("absent.ipynb", error, StringComparison.Ordinal);
    }
}
