using System.Text;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Reports;

/// <summary>One section of a <see cref="ReportDocument"/>: a heading and blocks in order.</summary>
public sealed partial class ReportSection
{
    private readonly List<Action<StringBuilder>> _blocks = [];

    private readonly string? _cssClass;

    internal ReportSection(string anchor, string heading, string? cssClass = null)
    {
        Anchor = anchor;
        Heading = heading;
        _cssClass = cssClass;
    }

    /// <summary>The HTML id of the section.</summary>
    public string Anchor { get; }

    /// <summary>The section heading.</summary>
    public string Heading { get; }

    /// <summary>True when the section was omitted with a reason (too little data, say).</summary>
    public bool IsOmitted { get; private set; }

    /// <summary>A paragraph of plain text.</summary>
    public ReportSection Paragraph(string text) => Add(h => h.Append("<p>").Append(Html.Encode(text)).Append("</p>\n"));

    /// <summary>A bulleted list of plain-text items.</summary>
    public ReportSection Bullets(IEnumerable<string> items) => Add(h =>
    {
        h.Append("<ul>");
        foreach (var item in items)
        {
            h.Append("<li>").Append(Html.Encode(item)).Append("</li>");
        }
        h.Append("</ul>\n");
    });

    /// <summary>A highlighted caveat: what the numbers do not show.</summary>
    public ReportSection Caveat(string text) =>
        Add(h => h.Append("<aside class=\"caveat\"><strong>Caveat.</strong> ").Append(Html.Encode(text)).Append("</aside>\n"));

    /// <summary>Headline figures shown as cards (label → value text).</summary>
    public ReportSection KeyFigures(IEnumerable<(string Label, string Value)> figures) => Add(h =>
    {
        h.Append("<div class=\"cards\">");
        foreach (var (label, value) in figures)
        {
            h.Append("<div class=\"card\"><div class=\"value\">").Append(Html.Encode(value))
             .Append("</div><div class=\"label\">").Append(Html.Encode(label)).Append("</div></div>");
        }
        h.Append("</div>\n");
    });

    /// <summary>A tidy table.</summary>
    public ReportSection Table(ResultTable table, int digits = 3)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Add(h => h.Append(ReportTableHtml.Render(table, digits)));
    }

    /// <summary>An SVG figure, inlined, with a caption.</summary>
    public ReportSection SvgFigure(string svg, string caption)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = Scalable(start >= 0 ? svg[start..] : svg);
        return Add(h => h.Append("<figure>").Append(body).Append("<figcaption>").Append(Html.Encode(caption)).Append("</figcaption></figure>\n"));
    }

    /// <summary>A PNG figure embedded as a data URI, with alternative text and a caption.</summary>
    public ReportSection PngFigure(byte[] png, string caption, string altText)
    {
        ArgumentNullException.ThrowIfNull(png);
        return Add(h => h.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(png))
            .Append("\" alt=\"").Append(Html.Encode(altText)).Append("\"><figcaption>").Append(Html.Encode(caption))
            .Append("</figcaption></figure>\n"));
    }

    /// <summary>Marks the section as omitted and says why, instead of drawing an empty chart.</summary>
    public ReportSection Omitted(string reason)
    {
        IsOmitted = true;
        return Add(h => h.Append("<p class=\"omitted\"><strong>Section omitted.</strong> ").Append(Html.Encode(reason)).Append("</p>\n"));
    }

    /// <summary>Adds a viewBox from the width and height so the inlined chart scales with the page.</summary>
    private static string Scalable(string svg)
    {
        var header = SvgSize().Match(svg);
        return header.Success && !svg[..header.Index].Contains("viewBox", StringComparison.Ordinal)
            ? svg.Insert(header.Index, $"viewBox=\"0 0 {header.Groups[1].Value} {header.Groups[2].Value}\" ")
            : svg;
    }

    [System.Text.RegularExpressions.GeneratedRegex("width=\"([0-9.]+)\" height=\"([0-9.]+)\"")]
    private static partial System.Text.RegularExpressions.Regex SvgSize();

    internal void Render(StringBuilder html)
    {
        html.Append("<section id=\"").Append(Anchor).Append(_cssClass is null ? "" : $"\" class=\"{_cssClass}").Append("\">\n<h2>").Append(Html.Encode(Heading)).Append("</h2>\n");
        foreach (var block in _blocks)
        {
            block(html);
        }
        html.Append("</section>\n");
    }

    private ReportSection Add(Action<StringBuilder> block)
    {
        _blocks.Add(block);
        return this;
    }
}
