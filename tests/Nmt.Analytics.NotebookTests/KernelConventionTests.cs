using System.Collections;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.NotebookTests;

/// <summary>
/// .NET Interactive finds formatters by convention: an attribute named <c>TypeFormatterSourceAttribute</c> with a
/// <c>FormatterSourceType</c>, whose <c>CreateTypeFormatters()</c> yields objects with <c>MimeType</c> and
/// <c>Format(object, TextWriter)</c>. This replays that lookup by reflection only, as the kernel does.
/// </summary>
public class KernelConventionTests
{
    [Fact]
    public void ResultTable_renders_as_html_through_the_kernel_convention()
    {
        var table = new ResultTable("Fixed effects", "term", "estimate").AddRow("(Intercept)", 1.5);
        var attribute = typeof(ResultTable).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.Equal(["text/html"], (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);

        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var formatter = Assert.Single(formatters.Cast<object>());
        Assert.Equal("text/html", formatter.GetType().GetProperty("MimeType")!.GetValue(formatter));
        using var writer = new StringWriter();
        var handled = (bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, [table, writer])!;

        Assert.True(handled);
        Assert.Equal(table.ToHtml(), writer.ToString());
    }

    [Fact]
    public void The_convention_formatter_declines_values_without_ToHtml()
    {
        using var writer = new StringWriter();

        Assert.False(new HtmlTypeFormatter().Format(42, writer));
        Assert.Equal("", writer.ToString());
    }
}
