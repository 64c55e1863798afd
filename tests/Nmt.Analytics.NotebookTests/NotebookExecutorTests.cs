using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.NotebookTests;

public class NotebookExecutorTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Runs_all_cells_carrying_state_and_records_outputs_in_order()
    {
        var (notebook, result) = await TestNotebooks.RunAsync("state-and-display.ipynb");

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(6, result.CodeCellsRun);
        var table = TestNotebooks.WrittenOutputs(notebook, 3);
        Assert.Equal(["stream", "display_data", "stream"], table.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("x = 21\n", TestNotebooks.Text(table[0]!["text"]));
        var html = TestNotebooks.Text(table[1]!["data"]!["text/html"]);
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">42.00</td>", html, StringComparison.Ordinal); // x carried over from cell 2
        Assert.Equal("after the table\n", TestNotebooks.Text(table[2]!["text"]));
    }

    [Fact]
    public async Task A_displayed_plot_becomes_a_png_image()
    {
        var (notebook, result) = await TestNotebooks.RunAsync("state-and-display.ipynb");

        Assert.True(result.Succeeded, result.Failure?.Message);
        var output = Assert.Single(TestNotebooks.WrittenOutputs(notebook, 4));
        var png = Convert.FromBase64String(output!["data"]!["image/png"]!.GetValue<string>());
        Assert.True(png.Length > 1000);
        Assert.Equal(PngSignature, png[..8]);
    }

    [Fact]
    public async Task A_cells_last_expression_is_its_execute_result_like_a_kernel()
    {
        var (notebook, _) = await TestNotebooks.RunAsync("state-and-display.ipynb");

        var value = Assert.Single(TestNotebooks.WrittenOutputs(notebook, 5))!;
        Assert.Equal("execute_result", value["output_type"]!.GetValue<string>());
        Assert.Equal(4, value["execution_count"]!.GetValue<int>());
        Assert.Equal("42", TestNotebooks.Text(value["data"]!["text/plain"]));
        var html = Assert.Single(TestNotebooks.WrittenOutputs(notebook, 6))!;
        Assert.Equal("<b>bold</b>", TestNotebooks.Text(html["data"]!["text/html"]));
        var text = Assert.Single(TestNotebooks.WrittenOutputs(notebook, 7))!;
        Assert.Equal("plain text", TestNotebooks.Text(text["data"]!["text/plain"]));
        Assert.Null(text["data"]!["text/html"]);
    }

    [Fact]
    public async Task Reference_lines_are_lifted_and_a_package_found_at_its_version_adds_no_note()
    {
        var (notebook, result) = await TestNotebooks.RunAsync("state-and-display.ipynb");

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Empty(result.Notes);
        Assert.Equal(1, notebook.Cells[1].ExecutionCount);
        Assert.Empty(TestNotebooks.WrittenOutputs(notebook, 2));
    }

    [Fact]
    public async Task Written_notebook_is_standard_nbformat_and_keeps_unknown_metadata_and_sources()
    {
        var (notebook, _) = await TestNotebooks.RunAsync("state-and-display.ipynb");
        var written = notebook.ToJson();

        TestNotebooks.AssertValidNbformat(written);
        var json = System.Text.Json.Nodes.JsonNode.Parse(written)!;
        var original = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(TestNotebooks.PathOf("state-and-display.ipynb")))!;
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(original["metadata"], json["metadata"]));
        Assert.Equal("setup", json["cells"]![1]!["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal("code-2", json["cells"]![1]!["id"]!.GetValue<string>());
        for (var i = 0; i < original["cells"]!.AsArray().Count; i++)
        {
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(original["cells"]![i]!["source"], json["cells"]![i]!["source"]));
        }
        var reread = NotebookDocument.Parse(written, "again.ipynb");
        Assert.Equal(notebook.Cells.Count, reread.Cells.Count);
    }

    [Fact]
    public async Task A_compile_error_names_notebook_cell_and_line_and_stops_the_run()
    {
        var (notebook, result) = await TestNotebooks.RunAsync("compile-error.ipynb");

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Failure!.CellNumber);
        Assert.Equal(2, result.Failure.CodeCellNumber);
        Assert.StartsWith("notebook compile-error.ipynb, cell 3 (code cell 2): compile error: line 2, column 9: CS0103", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("undefinedName", result.Failure.Message, StringComparison.Ordinal);
        var error = Assert.Single(TestNotebooks.WrittenOutputs(notebook, 3))!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.Null(notebook.Cells[3].ExecutionCount);
        TestNotebooks.AssertValidNbformat(notebook.ToJson());
    }

    [Fact]
    public async Task A_runtime_exception_is_an_error_output_with_the_line_and_keeps_earlier_console_text()
    {
        var (notebook, result) = await TestNotebooks.RunAsync("runtime-error.ipynb");

        Assert.False(result.Succeeded);
        Assert.Equal("notebook runtime-error.ipynb, cell 1 (code cell 1): InvalidOperationException at line 2: boom", result.Failure!.Message);
        var outputs = TestNotebooks.WrittenOutputs(notebook, 1);
        Assert.Equal("before\n", TestNotebooks.Text(outputs[0]!["text"]));
        Assert.Equal("InvalidOperationException", outputs[1]!["ename"]!.GetValue<string>());
        Assert.Equal("boom", outputs[1]!["evalue"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_magic_is_refused_clearly()
    {
        var (_, result) = await TestNotebooks.RunAsync("unknown-magic.ipynb");

        Assert.Equal(
            "notebook unknown-magic.ipynb, cell 2 (code cell 2): line 1: magic command '#!fsharp' is not supported by `nmt notebook run` (it runs C# only; allowed: #!csharp, #!time)",
            result.Failure?.Message);
    }

    [Fact]
    public async Task A_package_found_nowhere_is_refused_naming_where_it_looked()
    {
        var (_, result) = await TestNotebooks.RunAsync("unknown-package.ipynb");

        var message = result.Failure?.Message ?? "";
        Assert.StartsWith("notebook unknown-package.ipynb, cell 1 (code cell 1): line 1: package 'Foo.Bar', version 1.0.0 or later, was not found in ", message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(".nuget", "packages"), message, StringComparison.Ordinal);
        Assert.Contains(PackedLibrary.Folder, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_kernels_default_namespaces_are_imported()
    {
        var (notebook, result) = await TestNotebooks.RunAsync("kernel-defaults.ipynb");

        Assert.Equal("1", TestNotebooks.Text(Assert.Single(TestNotebooks.WrittenOutputs(notebook, 1))!["data"]!["text/plain"]));
        Assert.Equal(2, result.Failure?.CodeCellNumber);
        Assert.Contains("CS0103: The name 'CultureInfo' does not exist", result.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_package_reference_the_library_is_not_there_as_in_the_kernel()
    {
        var (_, result) = await TestNotebooks.RunAsync("no-package-reference.ipynb");

        Assert.Matches("compile error: line 1, column [0-9]+: CS02(34|46): The type or namespace name '(Nmt|Results)' does not exist", result.Failure?.Message ?? "(it ran)");
    }

    [Fact]
    public async Task A_relative_package_source_is_refused_as_the_kernel_refuses_it()
    {
        var (_, result) = await TestNotebooks.RunAsync("relative-source.ipynb");

        Assert.StartsWith(
            "notebook relative-source.ipynb, cell 1 (code cell 1): line 1: #i \"nuget: ../packages\": a package source must be an absolute path or URL",
            result.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_of_another_kernel_is_refused()
    {
        var (_, result) = await TestNotebooks.RunAsync("other-kernel.ipynb");

        Assert.Contains("cell 1 (code cell 1): the cell's kernel is 'pwsh'", result.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_dll_reference_is_resolved_against_the_notebook_folder_and_reported()
    {
        var (_, result) = await TestNotebooks.RunAsync("missing-dll.ipynb");

        var expected = Path.Combine(Path.GetDirectoryName(TestNotebooks.PathOf("x"))!, "lib", "DoesNotExist.dll");
        Assert.Contains($"line 1: #r \"lib/DoesNotExist.dll\": no such file ({expected})", result.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_an_input_error_naming_the_notebook_and_position()
    {
        var e = Assert.Throws<NmtInputException>(() => NotebookDocument.Load(TestNotebooks.PathOf("malformed.ipynb")));

        Assert.StartsWith("notebook malformed.ipynb: it is not valid JSON at line 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_reported_per_code_cell_through_events()
    {
        var notebook = NotebookDocument.Load(TestNotebooks.PathOf("compile-error.ipynb"));
        var executor = new NotebookExecutor();
        var seen = new List<string>();
        executor.CellProgress += (_, e) => seen.Add($"{e.CodeCellNumber}/{e.CodeCellCount} {e.Phase}");

        await executor.RunAsync(notebook);

        Assert.Equal(["1/3 Started", "1/3 Succeeded", "2/3 Started", "2/3 Failed"], seen);
    }

    [Fact]
    public async Task A_dataframe_shows_as_an_html_table_of_its_first_20_rows()
    {
        var (notebook, result) = await TestNotebooks.RunAsync("dataframe-and-versions.ipynb");

        Assert.True(result.Succeeded, result.Failure?.Message);
        var html = TestNotebooks.Text(Assert.Single(TestNotebooks.WrittenOutputs(notebook, 1))!["data"]!["text/html"]);
        Assert.Equal(21, html.Split("<tr>").Length - 1); // header + 20 rows
        Assert.Contains("<th>pain</th><th>clinic</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>9.5</td><td>c1</td>", html, StringComparison.Ordinal);
        Assert.Contains("first 20 of 25 rows", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_not_on_this_machine_resolves_to_the_lowest_above_it_with_a_note()
    {
        var (_, result) = await TestNotebooks.RunAsync("dataframe-and-versions.ipynb");

        var note = Assert.Single(result.Notes);
        Assert.StartsWith("notebook dataframe-and-versions.ipynb: package 'Microsoft.Data.Analysis' 0.0.1 was requested; 0.", note, StringComparison.Ordinal);
        Assert.Contains("is the lowest version at or above it in ", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_error_is_a_stderr_stream_and_the_last_value_is_shown()
    {
        var (notebook, result) = await TestNotebooks.RunAsync("dataframe-and-versions.ipynb");

        Assert.True(result.Succeeded, result.Failure?.Message);
        var outputs = TestNotebooks.WrittenOutputs(notebook, 2);
        Assert.Equal("stderr", outputs[0]!["name"]!.GetValue<string>());
        Assert.Equal("a warning\n", TestNotebooks.Text(outputs[0]!["text"]));
        Assert.Equal("2", TestNotebooks.Text(outputs[1]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task Html_of_a_lone_png_image_from_GetPngHtml_is_stored_as_image_png()
    {
        var (notebook, result) = await TestNotebooks.RunAsync("dataframe-and-versions.ipynb");

        Assert.True(result.Succeeded, result.Failure?.Message);
        var data = Assert.Single(TestNotebooks.WrittenOutputs(notebook, 3))!["data"]!;
        Assert.Null(data["text/html"]);
        Assert.Equal(PngSignature, Convert.FromBase64String(data["image/png"]!.GetValue<string>())[..8]);
    }
}
