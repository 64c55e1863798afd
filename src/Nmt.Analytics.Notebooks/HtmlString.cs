namespace Nmt.Analytics.Notebooks;

/// <summary>Markup to show as HTML, as returned by <c>HTML("...")</c> in a notebook (like .NET Interactive).</summary>
public sealed class HtmlString(string html)
{
    /// <summary>The markup.</summary>
    public string Html { get; } = html;

    /// <summary>The markup (so every display path treats it as HTML).</summary>
    public string ToHtml() => Html;

    /// <inheritdoc />
    public override string ToString() => Html;
}
