using Nmt.Analytics.Reports;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Tests.Reports;

public class ReportDocumentTests
{
    [Fact]
    public void Renders_sections_tables_and_escapes_text()
    {
        var doc = new ReportDocument("Evidence <report>", "demo data");
        var table = new ResultTable("Pain change", "technique", "mean").AddRow("muscle_energy", -1.25);
        doc.AddSection("The data").Paragraph("a < b & c").Table(table).Caveat("observational data");
        doc.AddSection("Clinics").Omitted("only one clinic in the data");

        var html = doc.ToHtml();

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Evidence &lt;report&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("a &lt; b &amp; c", html, StringComparison.Ordinal);
        Assert.Matches("<td class=\"num\" data-label=\"[a-z_]+\">-1.25</td>", html);
        Assert.Contains("Section omitted.", html, StringComparison.Ordinal);
        Assert.True(doc.Sections[1].IsOmitted);
        Assert.Equal(2, html.Split("<section ").Length - 1);
    }

    [Fact]
    public void Embeds_figures_without_external_references()
    {
        var doc = new ReportDocument("R");
        doc.AddSection("Figures")
            .SvgFigure("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", "an svg")
            .PngFigure([137, 80, 78, 71], "a png", "alt text");

        var html = doc.ToHtml();

        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,iVBORw==", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
    }
}
