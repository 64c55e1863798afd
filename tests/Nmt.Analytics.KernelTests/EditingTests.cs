using Nmt.Analytics.Kernel.Editing;
using Nmt.Analytics.Kernel.Execution;
using Nmt.Analytics.Notebooks;

namespace Nmt.Analytics.KernelTests;

/// <summary>Completion, inspection and completeness on a session that has run a cell, without sockets.</summary>
public class EditingTests
{
    private static readonly Lazy<KernelSession> Session = new(() =>
    {
        var session = new KernelSession(Path.GetTempPath());
        var outcome = session.Execute("using Nmt.Analytics.Results;\nvar table = new ResultTable(\"t\", new[] { \"a\" });\nvar values = new List<double> { 1, 2 };", true, _ => { });
        Assert.Null(outcome.Error);
        return session;
    });

    [Theory]
    [InlineData("table.AddR", "AddRow")]
    [InlineData("values.Ave", "Average")] // an extension method on an earlier cell's variable
    [InlineData("Nmt.Analytics.Da", "Data")]
    [InlineData("tab", "table")]
    [InlineData("forea", "foreach")]
    [InlineData("disp", "display")] // the session's globals
    public void Completion_lists_members_symbols_and_keywords_in_scope(string code, string expected)
    {
        var (start, items) = CodeCompletion.Complete(CellCompilation.Of(Session.Value.Session, code), code.Length);

        Assert.Contains(items, i => i.Text == expected);
        Assert.StartsWith(code[start..], expected, StringComparison.Ordinal);
        Assert.True(start < code.Length && (start == 0 || !char.IsLetterOrDigit(code[start - 1])), $"start {start}");
        Assert.All(items, i => Assert.StartsWith(code[start..], i.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Completion_after_a_dot_offers_members_only()
    {
        const string code = "values.";

        var (start, items) = CodeCompletion.Complete(CellCompilation.Of(Session.Value.Session, code), code.Length);

        Assert.Equal(code.Length, start);
        Assert.Contains(items, i => i.Text == "Count");
        Assert.DoesNotContain(items, i => i.Text == "table" || i.Text == "foreach");
    }

    [Fact]
    public void Inspection_shows_the_symbol_under_the_cursor_and_every_overload()
    {
        var cell = CellCompilation.Of(Session.Value.Session, "Console.WriteLine(table)");

        var text = CodeInspection.Describe(cell, "Console.Write".Length);

        Assert.NotNull(text);
        Assert.Contains("method void System.Console.WriteLine(string? value)", text, StringComparison.Ordinal);
        Assert.True(text.Split('\n').Length > 5, text);
        Assert.Contains("variable Nmt.Analytics.Results.ResultTable table", CodeInspection.Describe(cell, "Console.WriteLine(tab".Length), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var x = 1;", "complete")]
    [InlineData("x", "complete")]
    [InlineData("for (var i = 0; i < 3; i++) {", "incomplete")]
    [InlineData("var s = @\"open", "incomplete")]
    public void Is_complete_follows_roslyns_submission_rule(string code, string expected) =>
        Assert.Equal(expected, CodeCompleteness.Status(code));

    [Fact]
    public void Positions_count_code_points_not_utf16_units()
    {
        const string text = "var s = \"😀\"; s.Len";

        Assert.Equal(text.Length, TextPositions.ToUtf16(text, text.Length - 1));
        Assert.Equal(text.Length - 1, TextPositions.ToCodePoints(text, text.Length));
    }

    [Fact]
    public void A_nuget_reference_to_the_library_and_a_package_source_are_satisfied_by_the_preloaded_library()
    {
        var session = new KernelSession(Path.GetTempPath());
        var outputs = new List<NotebookOutput>();

        var outcome = session.Execute("#i \"nuget: ../artifacts/packages\"\n#r \"nuget: Nmt.Analytics, 0.1.0\"\nusing Nmt.Analytics.Data;\ntypeof(SessionDataset).Name", true, outputs.Add);

        Assert.Null(outcome.Error);
        Assert.Equal("SessionDataset", Assert.IsType<DisplayOutput>(Assert.Single(outputs)).Data["text/plain"]);
    }
}
