using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Tests.Outcomes;

public class PainChangeSummaryTests
{
    private static int RowOf(ResultTable table, string group, string level) =>
        Enumerable.Range(0, table.Rows.Count).Single(i => (string?)table[i, "group"] == group && (string?)table[i, "level"] == level);

    [Fact]
    public void A_session_counts_for_every_technique_it_used_and_alone_only_with_one()
    {
        var table = new SessionTableBuilder()
            .Add("a", 1, 6, 4, techniques: ["ischemic_compression", "muscle_energy"])
            .Add("b", 1, 6, 5, techniques: ["muscle_energy"])
            .Add("c", 1, 6, 6, techniques: [])
            .Build();
        var result = PainChangeSummary.Summarise(table, [SessionGrouping.Technique, SessionGrouping.TechniqueAlone], new SummaryOptions(MinClients: 0)).Table;
        Assert.Equal(1, result[RowOf(result, "technique", "ischemic_compression"), "n_sessions"]);
        Assert.Equal(2, result[RowOf(result, "technique", "muscle_energy"), "n_sessions"]);
        Assert.Equal(-1.5, result[RowOf(result, "technique", "muscle_energy"), "mean"]);
        Assert.Equal(-1.0, result[RowOf(result, "technique_alone", "muscle_energy"), "mean"]);
        Assert.Equal(3, result.Rows.Count);
    }

    [Fact]
    public void Client_level_default_gives_each_client_one_vote()
    {
        // Client a: 3 sessions of −3; client b: 1 session of 0. Session mean −2.25, client-level mean −1.5.
        var table = new SessionTableBuilder()
            .Add("a", 1, 5, 2).Add("a", 2, 5, 2).Add("a", 3, 5, 2).Add("b", 1, 5, 5).Build();
        var result = PainChangeSummary.Summarise(table, [SessionGrouping.Overall], new SummaryOptions(MinClients: 0)).Table;
        Assert.Equal(-1.5, result[0, "mean"]);
        Assert.Equal(-2.25, result[0, "session_mean"]);
        Assert.Equal(4, result[0, "n_sessions"]);
        Assert.Equal(2, result[0, "n_clients"]);
    }

    [Fact]
    public void Cells_under_the_minimum_clients_are_suppressed_counts_included()
    {
        var table = SessionTableBuilder.Many(clients: 14, sessions: 2);
        var result = PainChangeSummary.Summarise(table, [SessionGrouping.Overall, SessionGrouping.Region]).Table;
        Assert.Equal(false, result[RowOf(result, "overall", "all"), "suppressed"]);
        var lumbar = RowOf(result, "region", "lumbar");
        Assert.Equal(true, result[lumbar, "suppressed"]);
        Assert.Null(result[lumbar, "n_clients"]); // 7 clients: not even the count is published
        Assert.Null(result[lumbar, "n_sessions"]);
        Assert.Null(result[lumbar, "mean"]);
        Assert.Null(result[lumbar, "ci_low"]);
        Assert.Null(result[lumbar, "session_mean"]);
        Assert.Contains(result.Notes, n => n.Contains("Cells with 1 to 10 clients are suppressed", StringComparison.Ordinal));
        var open = PainChangeSummary.Summarise(table, [SessionGrouping.Region], new SummaryOptions(MinClients: 0)).Table;
        Assert.IsType<double>(open[RowOf(open, "region", "lumbar"), "mean"]);
    }

    [Fact]
    public void Stress_hydration_and_sleep_bands_close_as_documented()
    {
        Assert.Equal("0-3", FactorBands.Stress.LabelOf(3));
        Assert.Equal("4-6", FactorBands.Stress.LabelOf(3.5));
        Assert.Equal("4-6", FactorBands.Stress.LabelOf(6));
        Assert.Equal("7-10", FactorBands.Stress.LabelOf(7));
        Assert.Equal("<1.5", FactorBands.Hydration.LabelOf(1.49));
        Assert.Equal("1.5-2.5", FactorBands.Hydration.LabelOf(1.5));
        Assert.Equal("1.5-2.5", FactorBands.Hydration.LabelOf(2.5));
        Assert.Equal(">2.5", FactorBands.Hydration.LabelOf(2.51));
        Assert.Equal("6-8", FactorBands.Sleep.LabelOf(8));
        Assert.Null(FactorBands.Sleep.LabelOf(double.NaN));
    }

    [Fact]
    public void Banded_levels_follow_band_order_and_missing_values_are_noted()
    {
        var table = new SessionTableBuilder()
            .Add("a", 1, 6, 4, stress: 8).Add("b", 1, 6, 5, stress: 1).Add("c", 1, 6, 5, stress: double.NaN).Build();
        var result = PainChangeSummary.Summarise(table, [SessionGrouping.Banded(FactorBands.Stress)], new SummaryOptions(MinClients: 0)).Table;
        Assert.Equal(new object?[] { "0-3", "7-10" }, Enumerable.Range(0, result.Rows.Count).Select(i => result[i, "level"]));
        Assert.Contains(result.Notes, n => n.Contains("stress: 1 session(s) with a missing or out-of-band stress", StringComparison.Ordinal));
    }

    [Fact]
    public void Cluster_bootstrap_is_deterministic_by_seed_and_brackets_the_mean()
    {
        var table = SessionTableBuilder.Many(clients: 30, sessions: 4);
        PainChangeSummary Run(int seed) => PainChangeSummary.Summarise(table, [SessionGrouping.Overall], new SummaryOptions(0, 500, seed));
        var a = Run(42).Table;
        var b = Run(42).Table;
        var c = Run(43).Table;
        Assert.Equal(a[0, "boot_ci_low"], b[0, "boot_ci_low"]);
        Assert.Equal(a[0, "boot_ci_high"], b[0, "boot_ci_high"]);
        Assert.NotEqual(a[0, "boot_ci_low"], c[0, "boot_ci_low"]);
        var mean = (double)a[0, "session_mean"]!;
        Assert.InRange(mean, (double)a[0, "boot_ci_low"]!, (double)a[0, "boot_ci_high"]!);
        Assert.Contains(a.Notes, n => n.Contains("B = 500, seed = 42", StringComparison.Ordinal));
    }

    [Fact]
    public void Cluster_bootstrap_is_wider_than_the_naive_session_interval_when_clients_differ()
    {
        // Strong client effects: sessions within a client are alike, so the naive interval is too narrow.
        var builder = new SessionTableBuilder();
        for (var c = 0; c < 20; c++)
        {
            for (var s = 1; s <= 6; s++)
            {
                builder.Add($"k{c}", s, 8, 8 - (c % 5) - (0.1 * (s % 2)));
            }
        }
        var t = PainChangeSummary.Summarise(builder.Build(), [SessionGrouping.Overall], new SummaryOptions(0, 1000, 1)).Table;
        var naive = (double)t[0, "session_ci_high"]! - (double)t[0, "session_ci_low"]!;
        var boot = (double)t[0, "boot_ci_high"]! - (double)t[0, "boot_ci_low"]!;
        var clients = (double)t[0, "ci_high"]! - (double)t[0, "ci_low"]!;
        Assert.True(boot > 1.5 * naive, $"boot {boot}, naive {naive}");
        Assert.True(clients > 1.5 * naive, $"client-level {clients}, naive {naive}");
    }

    [Fact]
    public void Quantile_type_7_matches_R()
    {
        // R: quantile(c(1, 2, 4, 8, 16), c(0.025, 0.975)) = 1.1, 15.2
        double[] sorted = [1, 2, 4, 8, 16];
        Assert.Equal(1.1, Quantiles.Type7(sorted, 0.025), 12);
        Assert.Equal(15.2, Quantiles.Type7(sorted, 0.975), 12);
    }

    [Fact]
    public void Sessions_with_missing_pain_are_excluded_with_their_line()
    {
        var table = new SessionTableBuilder().Add("a", 1, 6, 4).Add("a", 2, 6, double.NaN).Build();
        var summary = PainChangeSummary.Summarise(table, [SessionGrouping.Overall], new SummaryOptions(MinClients: 0));
        var exclusion = Assert.Single(summary.Exclusions);
        Assert.Equal(3, exclusion.Line);
        Assert.Equal(1, summary.Table[0, "n_sessions"]);
    }
}
