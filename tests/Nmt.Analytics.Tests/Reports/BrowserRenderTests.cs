using SkiaSharp;

namespace Nmt.Analytics.Tests.Reports;

/// <summary>
/// Renders the demo report in headless Chromium (Debian package <c>chromium</c>; <c>.ci/run</c> installs it) and fails on
/// console errors or a blank page. On a developer machine without Chromium the check is skipped (it passes with nothing
/// checked); under CI (<c>CI=true</c>) a missing Chromium fails the test.
/// </summary>
public class BrowserRenderTests(EvidenceReportFixture report) : IClassFixture<EvidenceReportFixture>
{
    [Fact]
    public void Report_renders_in_headless_chromium_without_console_errors_and_is_not_blank()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        if (chromium is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            return; // no browser on this machine; CI installs one (.ci/run)
        }
        Assert.True(chromium is not null, "Chromium not found: apt-get install chromium.");
        var screenshot = Path.Combine(report.Directory, "screenshot.png");
        var profile = Path.Combine(report.Directory, "chromium-profile");

        var (exitCode, log) = BrowserLayoutTests.Run(chromium!, [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile}",
            "--window-size=1200,2400", $"--screenshot={screenshot}", new Uri(Path.Combine(report.Directory, "index.html")).AbsoluteUri,
        ], TimeSpan.FromSeconds(90));

        Assert.True(exitCode == 0, log);
        var consoleErrors = log.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) &&
            (l.Contains("Uncaught", StringComparison.Ordinal) || l.Contains("Error", StringComparison.Ordinal))).ToList();
        Assert.Empty(consoleErrors);
        Assert.True(InkFraction(screenshot) > 0.05, "the rendered page is (nearly) blank");
    }

    /// <summary>Share of pixels that are not (near) white.</summary>
    private static double InkFraction(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var ink = 0L;
        for (var y = 0; y < bitmap.Height; y += 4)
        {
            for (var x = 0; x < bitmap.Width; x += 4)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 230 || c.Green < 230 || c.Blue < 230)
                {
                    ink++;
                }
            }
        }
        return ink / ((bitmap.Width / 4.0) * (bitmap.Height / 4.0));
    }
}
