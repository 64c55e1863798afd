using System.Globalization;
using System.Text;

namespace Nmt.Analytics.Reports;

/// <summary>
/// A self-contained HTML report: one file with its CSS inlined and its figures embedded (SVG inline or
/// PNG as data URIs), so it can be e-mailed, archived or opened offline and makes no external request.
/// </summary>
public sealed class ReportDocument
{
    private readonly List<ReportSection> _sections = [];

    /// <summary>Creates a report with a title and an optional subtitle (e.g. data source and date).</summary>
    public ReportDocument(string title, string? subtitle = null)
    {
        Title = title;
        Subtitle = subtitle;
    }

    /// <summary>The report title.</summary>
    public string Title { get; }

    /// <summary>The line under the title.</summary>
    public string? Subtitle { get; }

    /// <summary>The sections in order.</summary>
    public IReadOnlyList<ReportSection> Sections => _sections;

    /// <summary>Adds a section and returns it for filling.</summary>
    public ReportSection AddSection(string heading)
    {
        var section = new ReportSection(AnchorFor(heading), heading);
        _sections.Add(section);
        return section;
    }

    /// <summary>Renders the whole document as one HTML5 string.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(Title)).Append("</title>\n<style>\n")
            .Append(ReportStyles.Css).Append("</style>\n</head>\n<body>\n<header>\n<h1>")
            .Append(Html.Encode(Title)).Append("</h1>\n");
        if (Subtitle is not null)
        {
            html.Append("<p class=\"subtitle\">").Append(Html.Encode(Subtitle)).Append("</p>\n");
        }
        html.Append("<nav><ol>");
        foreach (var section in _sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{section.Anchor}\">").Append(Html.Encode(section.Heading)).Append("</a></li>");
        }
        html.Append("</ol></nav>\n</header>\n<main>\n");
        foreach (var section in _sections)
        {
            section.Render(html);
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private string AnchorFor(string heading)
    {
        var slug = new string(heading.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return string.Create(CultureInfo.InvariantCulture, $"s{_sections.Count + 1}-{slug}");
    }
}
