using System.Globalization;
using System.Text.RegularExpressions;
using Nmt.Analytics.Data;
using Nmt.Analytics.Evidence;
using Nmt.Analytics.Evidence.EffectSizes;
using Nmt.Analytics.Reports;
using Nmt.Analytics.Reports.Handout;
using Nmt.Analytics.Synthetic;

namespace Nmt.Analytics.Tests.Reports;

/// <summary>
/// The evidence handout (<c>nmt report --handout</c>) on the demo data and the bundled demo studies: one page per technique
/// with a forest plot, pooled effect and CI, certainty words and caveats; no client or therapist identifier and no client
/// count of 1–10; printed by headless Chromium to A4 with exactly one page per technique.
/// </summary>
public class HandoutDocumentTests
{
    private static readonly SessionDataset Dataset = LoadDemo();
    private static readonly ReportInputs Inputs = new(Dataset.Table, Dataset.SourceName, Dataset.Exclusions, DemoStudies.Load());
    private static readonly string Html = HandoutDocument.Build(Inputs).ToHtml();

    private static string[] Techniques => [.. Inputs.Studies!.Text("technique").Levels()];

    private static string[] Pages => [.. Regex.Matches(Html, "<section id=\"t\\d+\" class=\"handout-page\">(.*?)</section>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)];

    [Fact]
    public void Has_one_page_per_technique_with_forest_plot_pooled_effect_certainty_and_caveats()
    {
        Assert.Equal(4, Techniques.Length);
        Assert.Equal(Techniques.Length, Pages.Length);
        foreach (var page in Pages)
        {
            Assert.Contains("<figure><svg", page, StringComparison.Ordinal);
            Assert.Matches(@"<div class=""value"">-?\d\.\d\d \(-?\d\.\d\d to -?\d\.\d\d\)</div><div class=""label"">Pooled effect", page);
            Assert.Matches(@"Precision: the estimate is (precise enough|imprecise|very imprecise)", page);
            Assert.Matches(@"Consistency: (the studies agree|the studies disagree|cannot be judged)", page);
            Assert.Contains("class=\"caveat\"", page, StringComparison.Ordinal);
        }
        // Ischemic compression (4 demo studies): the card shows the same pooled g and CI as metafor-checked MetaAnalysis.Fit.
        var effects = EffectSizeCalculator.Compute(Inputs.Studies!, EffectMeasures.Infer(Inputs.Studies!.ColumnNames));
        var ic = EvidenceSummary.ByGroup(effects, "technique").Statements.Single(s => s.Label == "ischemic_compression").Result!;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{ic.Estimate:0.00} ({ic.CiLow:0.00} to {ic.CiHigh:0.00})"), Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_no_identifier_and_no_count_of_1_to_10_clients()
    {
        foreach (var column in new[] { "client_id", "therapist_id" })
        {
            foreach (var id in Dataset.Table.Text(column).Levels().Where(v => !string.IsNullOrEmpty(v)))
            {
                Assert.DoesNotContain(id, Html, StringComparison.Ordinal);
            }
        }
        var counts = Regex.Matches(Html, @"(\d+) clients").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, n => Assert.True(n >= 11, $"{n} clients shown"));
    }

    [Fact]
    public void Needs_study_data()
    {
        var e = Assert.Throws<NmtInputException>(() => HandoutDocument.Build(Inputs with { Studies = null }));
        Assert.Contains("--studies", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_to_A4_with_one_page_per_technique()
    {
        if (BrowserLayoutTests.Chromium() is not { } chromium)
        {
            return;
        }
        var directory = Directory.CreateTempSubdirectory("nmt-handout-").FullName;
        try
        {
            var html = Path.Combine(directory, "handout.html");
            File.WriteAllText(html, Html);
            var pdf = Path.Combine(directory, "handout.pdf");
            var (code, log) = BrowserLayoutTests.Run(chromium, [.. BrowserLayoutTests.Flags, $"--user-data-dir={Path.Combine(directory, "profile")}",
                "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri]);
            Assert.True(code == 0 && File.Exists(pdf), log);
            var (infoCode, info) = BrowserLayoutTests.Run("pdfinfo", [pdf]);
            Assert.True(infoCode == 0, "pdfinfo failed (apt-get install poppler-utils): " + info);
            Assert.Matches(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
            Assert.Equal(Techniques.Length, int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static SessionDataset LoadDemo()
    {
        using var stream = DemoData.OpenSessionsCsv();
        return SessionDataset.Load(stream, "demo data (simulated)");
    }
}
