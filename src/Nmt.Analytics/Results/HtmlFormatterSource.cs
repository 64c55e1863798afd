namespace Nmt.Analytics.Results;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on the library's result types:
/// a .NET Interactive kernel calls <see cref="CreateTypeFormatters"/> and renders each value as <c>text/html</c>
/// through its public <c>ToHtml()</c>.
/// </summary>
public sealed class HtmlFormatterSource
{
    /// <summary>The formatters, found by the kernel's naming convention (one for <c>text/html</c>).</summary>
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlTypeFormatter();
    }
}
