using System.Globalization;
using Nmt.Analytics.Charts;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Tests.Outcomes;
using ScottPlot.Plottables;

namespace Nmt.Analytics.Tests.Charts;

public class ResponderCurveChartTests
{
    private static string[][] Csv(string name) => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Charts", "reference", name))
        .Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray()).ToArray();

    private static double Number(string text) =>
        text switch { "NA" => double.NaN, "Inf" => double.PositiveInfinity, _ => double.Parse(text, CultureInfo.InvariantCulture) };

    [Theory]
    [InlineData("all")]
    [InlineData("Maintained")]
    [InlineData("Nonmaintained")]
    public void Kaplan_Meier_matches_survfit_on_aml(string group)
    {
        // survival::aml; reference/km_aml.R: survfit(Surv(time, status) ~ 1) with default log-transformed 95 % limits.
        var aml = Csv("aml.csv").Where(r => group == "all" || r[2] == group)
            .Select(r => (Number(r[0]), r[1] == "1")).ToArray();
        var expected = Csv("km_aml.csv").Where(r => r[0] == group).ToArray();
        var steps = KaplanMeier.Fit(aml);
        Assert.Equal(expected.Length, steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var (e, s) = (expected[i], steps[i]);
            Assert.Equal(Number(e[1]), s.Time);
            Assert.Equal([Number(e[2]), Number(e[3]), Number(e[4])], [s.AtRisk, s.Events, s.Censored]);
            Assert.Equal(Number(e[5]), s.Survival, 12);
            Assert.Equal(Number(e[6]), s.StdErrLog, 12);
            Assert.Equal(Number(e[7]), s.Lower, 12);
            Assert.Equal(Number(e[8]), s.Upper, 12);
        }
        Assert.Equal(steps.Count, KaplanMeier.Tidy(steps).Rows.Count);
    }

    [Fact]
    public void Response_is_the_first_session_meeting_both_thresholds()
    {
        var sessions = new SessionTableBuilder()
            .Add("a", 1, 8, 7).Add("a", 2, 7, 5).Add("a", 3, 5, 2)   // 8 → 5: −3 points, −37.5 % at session 2
            .Add("b", 1, 5, 4).Add("b", 2, 4, 4)                       // never: censored at 2
            .Add("c", 1, 10, 8).Add("c", 2, 8, 7.5)                    // −2.5 points but −25 %: censored
            .Add("z", 1, 0, 0)                                          // no baseline pain: excluded
            .Build();
        var times = ResponderCurveChart.Times(sessions, null, null, out var excluded);
        Assert.Equal(1, excluded);
        Assert.Equal(
            [new ResponderTime("a", "all", 2, true), new ResponderTime("b", "all", 2, false), new ResponderTime("c", "all", 2, false)],
            times);
    }

    [Fact]
    public void Steps_rise_at_event_times()
    {
        var steps = KaplanMeier.Fit([(1, true), (2, false), (3, true), (3, false)]);
        var (xs, ys) = ResponderCurveChart.StepCoordinates(steps);
        // S: 3/4 at 1, unchanged at 2, 3/4 · 1/2 at 3 → 1 − S = 0.25, 0.25, 0.625.
        Assert.Equal([0.0, 1, 1, 2, 3, 3], xs);
        Assert.Equal([0.0, 0, 0.25, 0.25, 0.25, 0.625], ys);
    }

    [Fact]
    public void One_step_line_per_group_with_n_in_the_legend()
    {
        var sessions = SessionTableBuilder.Many(30, 4);
        var plot = ResponderCurveChart.Create(sessions, SessionGrouping.Region);
        Assert.Equal(2, ChartInspect.All<Scatter>(plot).Length);
        Assert.Equal(["cervical (n = 15)", "lumbar (n = 15)"], ChartInspect.LegendLabels(plot));
        Assert.Contains("cumulative proportion", plot.Axes.Left.Label.Text, StringComparison.Ordinal);
        Assert.Throws<NmtInputException>(() => ResponderCurveChart.Create(sessions, SessionGrouping.Region, minClients: 16));
    }
}
