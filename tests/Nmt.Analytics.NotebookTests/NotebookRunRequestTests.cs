using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.NotebookTests;

/// <summary><see cref="NotebookRunRequest"/>: what <c>nmt notebook run</c> prints, without the command line.</summary>
public sealed class NotebookRunRequestTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("nmt-notebook-run-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void A_timeout_that_is_not_positive_is_refused_before_the_notebook_is_read()
    {
        var e = Assert.Throws<NmtInputException>(() => new NotebookRunRequest("missing.ipynb", null, 0).Run());
        Assert.Equal("--timeout must be a positive number of seconds, not 0.", e.Message);
    }

    [Fact]
    public void A_failing_cell_gives_exit_1_progress_lines_and_the_saved_notebook()
    {
        var source = Path.Combine(_temp.FullName, "compile-error.ipynb");
        File.Copy(TestNotebooks.PathOf("compile-error.ipynb"), source);
        var target = Path.Combine(_temp.FullName, "out.ipynb");
        var progress = new List<string>();

        var output = new NotebookRunRequest(source, target, 60).Run(progress.Add);

        Assert.Equal(1, output.ExitCode);
        Assert.Empty(output.Plain!);
        Assert.StartsWith("error: notebook compile-error.ipynb, cell 3", output.Messages[^2], StringComparison.Ordinal);
        Assert.Equal($"(the notebook with the error output was written to {target})", output.Messages[^1]);
        Assert.Contains(progress, line => line.StartsWith("[2/", StringComparison.Ordinal) && line.Contains("FAILED", StringComparison.Ordinal));
        Assert.True(File.Exists(target));
    }
}
