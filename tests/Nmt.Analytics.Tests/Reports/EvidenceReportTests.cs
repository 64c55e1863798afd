using AngleSharp.Html.Parser;
using Nmt.Analytics.Data;
using Nmt.Analytics.Reports;

namespace Nmt.Analytics.Tests.Reports;

public class EvidenceReportTests(EvidenceReportFixture report) : IClassFixture<EvidenceReportFixture>
{
    private static readonly string[] Headings =
    [
        "The data", "Flow of data", "Pain change by technique and region", "Who got meaningfully better", "Factors from the mixed model", "Predictive drivers",
        "Evidence summary", "Clinic benchmarking", "How to read this report",
    ];

    [Fact]
    public void Is_valid_html_with_every_section_present_and_none_omitted_on_the_demo_data()
    {
        // Inline SVG is checked as XML (well-formed, svg root); the page around it as HTML5, where every parse error counts.
        // (AngleSharp 1.10 mis-reports end tags of camel-case SVG elements such as </clipPath>, which browsers accept.)
        var svgs = System.Text.RegularExpressions.Regex.Matches(report.Html, "<svg.*?</svg>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(13, svgs.Count);
        Assert.All(svgs, svg => Assert.Equal("svg", System.Xml.Linq.XDocument.Parse(svg.Value).Root!.Name.LocalName));
        var page = System.Text.RegularExpressions.Regex.Replace(report.Html, "<svg.*?</svg>", "<svg></svg>", System.Text.RegularExpressions.RegexOptions.Singleline);
        var parser = new HtmlParser();
        var errors = new List<string>();
        parser.Error += (_, e) => errors.Add(e is AngleSharp.Html.Dom.Events.HtmlErrorEvent error ? $"{error.Position}: {error.Message}" : e.ToString()!);
        var document = parser.ParseDocument(page);

        Assert.Empty(errors);

        var headings = document.QuerySelectorAll("section > h2").Select(h => h.TextContent).ToArray();
        Assert.Equal(Headings, headings);
        Assert.All(report.Result.Document.Sections, s => Assert.False(s.IsOmitted, s.Heading));
        Assert.Equal(12, document.QuerySelectorAll("table.nmt-table").Length);
    }

    [Fact]
    public void Is_self_contained()
    {
        var document = new HtmlParser().ParseDocument(report.Html);

        Assert.Empty(document.QuerySelectorAll("script[src], link, iframe, object, embed"));
        Assert.All(document.QuerySelectorAll("img"), img => Assert.StartsWith("data:image/png;base64,", img.GetAttribute("src"), StringComparison.Ordinal));
        Assert.DoesNotMatch(@"url\((?!#)", report.Html); // only in-document references such as clip-path="url(#c1)"
        Assert.DoesNotContain("src=\"http", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_no_client_identifier_in_the_page_or_the_exported_tables()
    {
        var clientIds = report.Dataset.Table.Text("client_id").Levels();
        var exported = System.IO.Directory.GetFiles(report.Directory, "*.csv", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();

        Assert.NotEmpty(exported);
        foreach (var id in clientIds)
        {
            Assert.DoesNotContain(id, report.Html, StringComparison.Ordinal);
            Assert.All(exported, csv => Assert.DoesNotContain(id, csv, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Writes_every_chart_as_png_and_svg_and_every_table_as_csv()
    {
        foreach (var chart in report.Result.Artifacts.ChartNames)
        {
            var png = File.ReadAllBytes(Path.Combine(report.Directory, "charts", chart + ".png"));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(report.Directory, "charts", chart + ".svg")), StringComparison.Ordinal);
        }
        foreach (var table in report.Result.Artifacts.TableNames)
        {
            Assert.True(File.Exists(Path.Combine(report.Directory, "tables", table + ".csv")), table);
        }
    }

    [Fact]
    public void Suppresses_the_tiny_clinic_in_benchmarking()
    {
        var benchmark = File.ReadAllText(Path.Combine(report.Directory, "tables", "clinic_benchmark.csv"));
        var tiny = benchmark.Split('\n').Single(l => l.StartsWith("C12,", StringComparison.Ordinal));

        Assert.Contains("suppressed", tiny, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d\.\d", tiny); // no figures, only counts-free flags
    }

    [Fact]
    public void Thin_data_omits_sections_with_a_reason_instead_of_failing()
    {
        // One clinic of 15 clients: no benchmarking is possible, and groups are below the small-cell minimum.
        var oneClinic = Enumerable.Range(0, report.Dataset.Table.RowCount)
            .Where(r => report.Dataset.Table.Text("clinic_id")[r] == "C04").Take(60).ToList();
        var thin = report.Dataset.Table.Take(oneClinic);
        var inputs = new ReportInputs(thin, "one clinic", []);

        var result = EvidenceReport.Build(inputs, new ReportOptions(IncludePrediction: false));
        var html = result.Document.ToHtml();

        var benchmarking = result.Document.Sections.Single(s => s.Heading == "Clinic benchmarking");
        Assert.True(benchmarking.IsOmitted);
        Assert.Contains("Section omitted.", html, StringComparison.Ordinal);
        Assert.True(result.Document.Sections.Single(s => s.Heading == "Predictive drivers").IsOmitted);
    }

    [Fact]
    public void Exclusions_are_reported_by_reason()
    {
        var table = ReportsTestAccess.ExclusionTable([new RowExclusion(5, "pain_pre out of range"), new RowExclusion(9, "pain_pre out of range"), new RowExclusion(12, "duplicate session")]);

        Assert.Equal("pain_pre out of range", table[0, "reason"]);
        Assert.Equal(2, table[0, "rows"]);
        Assert.Equal("5, 9", table[0, "first_lines"]);
    }

    [Fact]
    public void The_funnel_note_counts_the_clinics_the_table_suppresses()
    {
        var suppressed = System.Text.RegularExpressions.Regex.Matches(report.Html, "data-label=\"flag\">suppressed<").Count;
        Assert.True(suppressed > 0, "the demo data have a suppressed clinic");
        Assert.Contains($"{suppressed} clinic(s) with fewer than", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_flow_of_data_the_Jacobson_Truax_plot_and_the_classification()
    {
        Assert.Contains("data_flow", report.Result.Artifacts.ChartNames);
        Assert.Contains("jacobson_truax", report.Result.Artifacts.ChartNames);
        Assert.Contains("clinical_significance", report.Result.Artifacts.TableNames);
        Assert.Contains("Clinical significance by main technique and region", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compares_techniques_by_adjusted_marginal_means_with_tukey_contrasts_that_recover_the_planted_differences()
    {
        Assert.Contains("technique_adjusted_means", report.Result.Artifacts.TableNames);
        Assert.Contains("technique_pairwise_tukey", report.Result.Artifacts.TableNames);
        Assert.Contains("technique_adjusted_means", report.Result.Artifacts.ChartNames);
        Assert.Contains("It adjusts for stress, hydration, chronicity, body region, clinic and the client", report.Html, StringComparison.Ordinal);
        Assert.Contains("tukey method for 36 comparisons", report.Html, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(report.Directory, "tables", "technique_pairwise_tukey.csv"));
        var header = rows[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var truth = Nmt.Analytics.Synthetic.DemoData.Truth;
        Assert.Equal(36, rows.Length - 1);
        foreach (var row in rows.Skip(1))
        {
            var cells = row.Split(',');
            var pair = cells[Column("contrast")].Trim('"').Split(" - ");
            var planted = truth.Effect("pain_change", "tech_" + pair[0]) - truth.Effect("pain_change", "tech_" + pair[1]);
            var estimate = double.Parse(cells[Column("estimate")], System.Globalization.CultureInfo.InvariantCulture);
            var se = double.Parse(cells[Column("std_error")], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(estimate - planted) < 4 * se, $"{pair[0]} - {pair[1]}: estimate {estimate}, planted {planted}, se {se}");
        }
    }
}
