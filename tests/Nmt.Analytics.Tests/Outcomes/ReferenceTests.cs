using System.Globalization;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;

namespace Nmt.Analytics.Tests.Outcomes;

/// <summary>Estimators against R 4.2 on named data sets (reference/make_reference.R).</summary>
public class ReferenceTests
{
    /// <summary>An R data set committed once for all test areas.</summary>
    private static FixtureCsv Shared(string name) => FixtureCsv.Load(name + ".csv", Formulas.ReferenceCsv.SharedDatasets[name]);

    private static void Close(double expected, object? actual, double tolerance = 1e-9)
    {
        var value = Assert.IsType<double>(actual);
        Assert.True(Math.Abs(expected - value) <= tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {value:R}");
    }

    [Fact]
    public void Paired_effect_sizes_match_R_on_sleep()
    {
        var r = FixtureCsv.Load("sleep_paired.csv");
        double[] pre = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        double[] post = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
        var es = PairedEffectSize.Compute(pre, post);
        Assert.Equal(10, es.N);
        Close(r.Number(0, "mean_change"), es.MeanChange);
        Close(r.Number(0, "sd_change"), es.SdChange);
        Close(r.Number(0, "d_z"), es.Dz);
        Close(r.Number(0, "d_z_ci_low"), es.DzCiLow, 1e-7);
        Close(r.Number(0, "d_z_ci_high"), es.DzCiHigh, 1e-7);
        Close(r.Number(0, "j"), es.J);
        Close(r.Number(0, "g_z"), es.Gz);
        Close(r.Number(0, "d_av"), es.Dav);
        Close(r.Number(0, "g_av"), es.Gav);
        var t = MeanInterval.Of(post.Zip(pre, (b, a) => b - a).ToArray());
        Close(r.Number(0, "t_ci_low"), t.CiLow);
        Close(r.Number(0, "t_ci_high"), t.CiHigh);
    }

    [Fact]
    public void Noncentral_t_cdf_matches_R_pt()
    {
        var r = FixtureCsv.Load("noncentral_t.csv");
        for (var i = 0; i < r.Count; i++)
        {
            var p = NoncentralT.Cdf(r.Number(i, "t"), r.Number(i, "df"), r.Number(i, "ncp"));
            Assert.True(Math.Abs(p - r.Number(i, "p")) < 1e-8, $"row {i}: pt = {r.Number(i, "p"):R}, ours = {p:R}");
        }
    }

    [Fact]
    public void Client_and_session_level_summaries_match_R_on_ChickWeight()
    {
        // Chicks play clients, weighings play sessions (pain_pre = 0, pain_post = weight), Diet plays region.
        var data = Shared("chickweight");
        var rows = Enumerable.Range(0, data.Count).ToArray();
        var sessions = new ColumnTable(
        [
            new TextColumn("client_id", rows.Select(i => (string?)data.Text(i, "Chick")).ToArray()),
            new NumericColumn("session", rows.Select(i => data.Number(i, "Time")).ToArray()),
            new TextColumn("region", rows.Select(i => (string?)data.Text(i, "Diet")).ToArray()),
            new NumericColumn("pain_pre", new double[data.Count]),
            new NumericColumn("pain_post", rows.Select(i => data.Number(i, "weight")).ToArray()),
        ]);
        var table = PainChangeSummary.Summarise(sessions, [SessionGrouping.Region], new SummaryOptions(MinClients: 0)).Table;
        var r = FixtureCsv.Load("chickweight_by_diet.csv");
        Assert.Equal(r.Count, table.Rows.Count);
        for (var i = 0; i < r.Count; i++)
        {
            Assert.Equal(r.Text(i, "level"), table[i, "level"]);
            Assert.Equal((int)r.Number(i, "n_sessions"), table[i, "n_sessions"]);
            Assert.Equal((int)r.Number(i, "n_clients"), table[i, "n_clients"]);
            foreach (var column in new[] { "mean", "sd", "ci_low", "ci_high", "session_mean", "session_sd", "session_ci_low", "session_ci_high" })
            {
                Close(r.Number(i, column), table[i, column]);
            }
        }
    }

    [Fact]
    public void Summaries_with_missing_values_and_bands_match_R_on_airquality()
    {
        var data = Shared("airquality");
        var rows = Enumerable.Range(0, data.Count).ToArray();
        var sessions = new ColumnTable(
        [
            new TextColumn("client_id", rows.Select(i => (string?)i.ToString(CultureInfo.InvariantCulture)).ToArray()),
            new TextColumn("region", rows.Select(i => (string?)data.Text(i, "Month")).ToArray()),
            new NumericColumn("pain_pre", new double[data.Count]),
            new NumericColumn("pain_post", rows.Select(i => data.Number(i, "Ozone")).ToArray()),
            new NumericColumn("wind", rows.Select(i => data.Number(i, "Wind")).ToArray()),
        ]);
        var wind = new FactorBands("wind", "wind",
        [
            new Band("calm", double.NegativeInfinity, false, 7, true),
            new Band("breezy", 7, false, 12, true),
            new Band("windy", 12, false, double.PositiveInfinity, false),
        ]);
        var summary = PainChangeSummary.Summarise(sessions, [SessionGrouping.Region, SessionGrouping.Banded(wind)], new SummaryOptions(MinClients: 0));
        Assert.Equal(37, summary.Exclusions.Count);
        Assert.Contains(summary.Table.Notes, n => n.Contains("Excluded 37 session(s): missing pain_pre or pain_post", StringComparison.Ordinal));
        var table = summary.Table;
        var offset = 0;
        foreach (var file in new[] { "airquality_ozone_by_month.csv", "airquality_ozone_by_wind.csv" })
        {
            var r = FixtureCsv.Load(file);
            for (var i = 0; i < r.Count; i++, offset++)
            {
                Assert.Equal(r.Text(i, "level"), table[offset, "level"]);
                Assert.Equal((int)r.Number(i, "n"), table[offset, "n_clients"]);
                foreach (var column in new[] { "mean", "sd", "ci_low", "ci_high" })
                {
                    Close(r.Number(i, column), table[offset, column]);
                    Close(r.Number(i, column), table[offset, "session_" + column]);
                }
            }
        }
    }

    [Fact]
    public void Group_means_match_R_aggregate_on_ToothGrowth()
    {
        var data = Shared("ToothGrowth");
        var r = FixtureCsv.Load("toothgrowth_by_supp_dose.csv");
        for (var i = 0; i < r.Count; i++)
        {
            var values = Enumerable.Range(0, data.Count)
                .Where(k => data.Text(k, "supp") == r.Text(i, "supp") && data.Number(k, "dose") == r.Number(i, "dose"))
                .Select(k => data.Number(k, "len")).ToArray();
            var m = MeanInterval.Of(values);
            Assert.Equal((int)r.Number(i, "n"), m.N);
            Close(r.Number(i, "mean"), m.Mean);
            Close(r.Number(i, "sd"), m.Sd);
            Close(r.Number(i, "ci_low"), m.CiLow);
            Close(r.Number(i, "ci_high"), m.CiHigh);
        }
    }

    [Fact]
    public void Wilson_interval_matches_R_prop_test_without_correction()
    {
        var r = FixtureCsv.Load("wilson.csv");
        for (var i = 0; i < r.Count; i++)
        {
            var (low, high) = ProportionInterval.Wilson((int)r.Number(i, "x"), (int)r.Number(i, "n"));
            Close(r.Number(i, "ci_low"), low, 1e-12);
            Close(r.Number(i, "ci_high"), high, 1e-12);
        }
    }

    [Fact]
    public void Csv_export_round_trips_the_summary_figures_exactly()
    {
        var table = PainChangeSummary.Summarise(SessionTableBuilder.Many(12, 2), [SessionGrouping.Overall]).Table;
        var lines = table.ToCsv().Split('\n');
        var header = lines[0].Split(',');
        var cells = lines[1].Split(',');
        foreach (var column in new[] { "mean", "sd", "ci_low", "ci_high", "session_sd" })
        {
            var parsed = double.Parse(cells[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);
            Assert.Equal((double)table[0, column]!, parsed);
        }
        Assert.Equal("12", cells[Array.IndexOf(header, "n_clients")]);
    }
}
