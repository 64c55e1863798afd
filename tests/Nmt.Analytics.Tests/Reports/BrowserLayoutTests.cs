using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Nmt.Analytics.Tests.Reports;

/// <summary>
/// Lays the demo report out in headless Chromium at 1400, 1024 and 390 px and measures element boxes with an injected
/// script (browser/layout-probe.js, written into the DOM and read back with --dump-dom; the page sits in a frame of the
/// width, since a headless window is at least 500 px wide): no table wider than its column or scrolling, no row taller
/// than its content, no figure wider than its column. Then prints it to PDF and checks A4 pages, one section per page
/// start, none blank (pdftoppm from poppler-utils). Skipped without Chromium off CI, as <see cref="BrowserRenderTests"/>.
/// </summary>
public class BrowserLayoutTests(EvidenceReportFixture report) : IClassFixture<EvidenceReportFixture>
{
    internal static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    ];

    [Fact]
    public async Task Tables_and_figures_fit_their_column_at_desktop_laptop_and_phone_widths()
    {
        if (Chromium() is not { } chromium)
        {
            return;
        }
        var probe = Path.Combine(AppContext.BaseDirectory, "Reports", "browser");
        File.WriteAllText(Path.Combine(report.Directory, "probe.html"),
            report.Html.Replace("</body>", "<script>" + File.ReadAllText(Path.Combine(probe, "layout-probe.js")) + "</script></body>", StringComparison.Ordinal));
        int[] widths = [1400, 1024, 390];
        var runs = widths.Select(width => Task.Run(() =>
        {
            var frame = Path.Combine(report.Directory, $"frame{width}.html");
            File.WriteAllText(frame, File.ReadAllText(Path.Combine(probe, "frame.html")).Replace("__WIDTH__", width.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            return Run(chromium, [.. Flags, $"--user-data-dir={Path.Combine(report.Directory, $"profile{width}")}", "--window-size=1500,900",
                "--virtual-time-budget=20000", "--dump-dom", new Uri(frame).AbsoluteUri]);
        })).ToArray();
        var results = await Task.WhenAll(runs);
        for (var i = 0; i < widths.Length; i++)
        {
            var (code, output) = results[i];
            Assert.True(code == 0, output);
            var matches = Regex.Matches(output, "<pre id=\"frame-probe\">(.*?)</pre>", RegexOptions.Singleline);
            Assert.True(matches.Count > 0, $"{widths[i]} px: no layout probe in the dumped DOM");
            AssertLayout(widths[i], JsonNode.Parse(WebUtility.HtmlDecode(matches[^1].Groups[1].Value))!.AsObject());
        }
    }

    [Fact]
    public void Prints_to_clean_A4_pages_with_each_section_on_a_new_page()
    {
        if (Chromium() is not { } chromium)
        {
            return;
        }
        var pdf = Path.Combine(report.Directory, "report.pdf");
        var (code, log) = Run(chromium, [.. Flags, $"--user-data-dir={Path.Combine(report.Directory, "profile-pdf")}", "--no-pdf-header-footer",
            $"--print-to-pdf={pdf}", new Uri(Path.Combine(report.Directory, "index.html")).AbsoluteUri]);
        Assert.True(code == 0 && File.Exists(pdf), log);
        var (infoCode, info) = Run("pdfinfo", [pdf]);
        Assert.True(infoCode == 0, "pdfinfo failed (apt-get install poppler-utils): " + info);
        Assert.Matches(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
        var pages = int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(pages >= report.Result.Document.Sections.Count, $"{pages} pages for {report.Result.Document.Sections.Count} sections: sections do not start new pages");
        var prefix = Path.Combine(report.Directory, "page");
        Assert.Equal(0, Run("pdftoppm", ["-r", "20", "-png", pdf, prefix]).ExitCode);
        var images = Directory.GetFiles(report.Directory, "page-*.png");
        Assert.Equal(pages, images.Length);
        Assert.All(images, png => Assert.True(Ink(png) > 0.001, $"{Path.GetFileName(png)} is blank"));
    }

    private static void AssertLayout(int width, JsonObject probe)
    {
        Assert.Equal(width, (int)probe["width"]!);
        Assert.True((double)probe["docScroll"]! <= 1, $"{width} px: the page scrolls sideways");
        foreach (var table in probe["tables"]!.AsArray().Select(t => t!.AsObject()))
        {
            var name = $"{width} px, table '{(string?)table["caption"]}'";
            Assert.True((double)table["tableRight"]! <= (double)table["columnRight"]! + 1, $"{name} is wider than its column");
            Assert.True((double)table["tableLeft"]! >= (double)table["columnLeft"]! - 1, $"{name} starts left of its column");
            Assert.True((double)table["wrapScroll"]! <= 1, $"{name} needs a scroll bar");
            Assert.True((double)table["rowExcess"]! <= 2, $"{name} has a row {(double)table["rowExcess"]!:0} px taller than its content");
        }
        foreach (var figure in probe["figures"]!.AsArray().Select(f => f!.AsObject()))
        {
            Assert.True((double)figure["right"]! <= (double)figure["columnRight"]! + 1, $"{width} px: figure {(int)figure["index"]!} is wider than its column");
        }
    }

    internal static string? Chromium()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        Assert.True(chromium is not null || Environment.GetEnvironmentVariable("CI") != "true", "Chromium not found: apt-get install chromium.");
        return chromium;
    }

    private static double Ink(string png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var ink = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                ink += c.Red < 200 || c.Green < 200 || c.Blue < 200 ? 1 : 0;
            }
        }
        return ink / (double)(bitmap.Width * bitmap.Height);
    }

    /// <summary>Runs a browser or poppler tool and returns its exit code and output; -1 when it outlives <paramref name="timeout"/> (default 60 s).</summary>
    internal static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out: " + file);
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
