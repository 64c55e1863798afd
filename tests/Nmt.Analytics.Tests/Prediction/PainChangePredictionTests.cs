using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

/// <summary>Recovery of planted drivers (see <see cref="TestSessions"/>) by LightGBM with client-grouped CV.</summary>
public class PainChangePredictionTests(PainChangeFixture fixture) : IClassFixture<PainChangeFixture>
{
    private readonly PredictionReport _report = fixture.Report;

    [Fact]
    public void Planted_drivers_rank_above_every_noise_feature()
    {
        var importance = _report.Importance();
        double Of(string f) => (double)importance.Row(f)[1]!;
        var bestNoise = new[] { "nutrition", "noise", "sex", "age_band", "sleep_hours", "region" }.Max(Of);
        Assert.All(new[] { "stress", "hydration", "techniques" }, driver => Assert.True(Of(driver) > bestNoise,
            $"{driver} importance {Of(driver)} should exceed the best noise feature {bestNoise}"));
        Assert.True(Of("stress") > 5 * Math.Max(bestNoise, 0.01));
    }

    [Fact]
    public void Importance_has_one_row_per_original_feature_with_finite_standard_errors()
    {
        var importance = _report.Importance();
        Assert.Equal(PainChangeFixture.Features.Order(StringComparer.Ordinal), importance.Rows.Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
        Assert.All(importance.NumericColumn("std_error"), se => Assert.True(double.IsFinite(se) && se >= 0));
    }

    [Fact]
    public void Partial_dependence_of_stress_rises_monotonically_over_its_data_range()
    {
        var curve = _report.Curves.Single(c => c.Feature == "stress");
        Assert.Equal(curve.DataMin, curve.Values[0]);
        Assert.Equal(curve.DataMax, curve.Values[^1]);
        Assert.True(curve.DataMin < 0.5 && curve.DataMax > 9.5);
        var y = curve.MeanPrediction;
        Assert.True(y[^1] - y[0] > 1.5, $"stress effect over the range {y[^1] - y[0]} (planted 0.35/point × ~10)");
        var rising = Enumerable.Range(1, y.Count - 1).Count(k => y[k] >= y[k - 1] - 0.02);
        Assert.True(rising >= 0.85 * (y.Count - 1), $"{rising} of {y.Count - 1} steps non-decreasing");
    }

    [Fact]
    public void Partial_dependence_of_hydration_falls_and_table_is_tidy()
    {
        var table = _report.PartialDependence("hydration");
        Assert.Equal(new[] { "feature", "value", "mean_prediction", "std_error" }, table.Columns);
        var y = table.NumericColumn("mean_prediction");
        Assert.True(y[0] - y[^1] > 1.0, "hydration is planted as helpful (−0.8 per litre)");
        Assert.Throws<NmtInputException>(() => _report.PartialDependence("nutrition_typo"));
    }

    [Fact]
    public void Metrics_report_mean_and_spread_over_folds_times_repeats()
    {
        var metrics = _report.Metrics();
        Assert.Equal(new[] { "rmse", "mae", "r2" }, metrics.Rows.Select(r => (string)r[0]!));
        Assert.All(metrics.Rows, r => Assert.Equal(10, r[3]));
        Assert.True(_report.Metric("r2") > 0.5, $"R² {_report.Metric("r2")}");
        Assert.True((double)metrics.Row("rmse")[2]! > 0);
    }

    [Fact]
    public void No_client_is_shared_across_folds_in_any_repeat()
    {
        Assert.Equal(2, _report.FoldAssignments.Count);
        foreach (var folds in _report.FoldAssignments)
        {
            var perClient = _report.Clients.Zip(folds).GroupBy(p => p.First, StringComparer.Ordinal).Select(g => g.Select(p => p.Second).Distinct().Count());
            Assert.All(perClient, n => Assert.Equal(1, n));
        }
        Assert.NotEqual(_report.FoldAssignments[0], _report.FoldAssignments[1]);
    }

    [Fact]
    public void Calibration_is_only_for_responder() =>
        Assert.Empty(_report.Calibration().Rows);
}
