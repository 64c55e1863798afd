using Nmt.Analytics.Data;
using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

public class ResponderPredictionTests
{
    [Fact]
    public void Responder_model_discriminates_and_reports_calibration()
    {
        var sessions = TestSessions.Generate(300, 4);
        var report = PredictiveAnalysis.Run(sessions, new PredictionOptions { Target = PredictionTarget.Responder, Trees = 40, MinRowsPerLeaf = 10, Seed = 3 });
        Assert.Equal(300, report.ObservationCount);
        Assert.Equal(new[] { "auc", "brier", "log_loss" }, report.Metrics().Rows.Select(r => (string)r[0]!));
        Assert.True(report.Metric("auc") > 0.75, $"AUC {report.Metric("auc")}");
        var calibration = report.Calibration();
        Assert.Equal(new[] { "bin", "mean_predicted", "observed_rate", "n" }, calibration.Columns);
        Assert.Equal(300, calibration.Rows.Sum(r => (int)r[3]!));
        Assert.All(calibration.NumericColumn("mean_predicted"), p => Assert.InRange(p, 0, 1));
        var top = report.Importance().Rows.Take(3).Select(r => (string)r[0]!).ToList();
        Assert.Contains("stress", top);
    }

    [Fact]
    public void A_target_with_one_class_is_a_clear_input_error()
    {
        var sessions = TestSessions.Generate(30, 4);
        sessions.Add(new NumericColumn("pain_post", Enumerable.Repeat(10.0, sessions.RowCount).ToArray()));
        var e = Assert.Throws<NmtInputException>(() => PredictiveAnalysis.Run(sessions, new PredictionOptions { Target = PredictionTarget.Responder }));
        Assert.Contains("only one class", e.Message, StringComparison.Ordinal);
        Assert.Contains("non-responders", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fold_too_small_to_grow_trees_is_a_clear_input_error()
    {
        var sessions = TestSessions.Generate(30, 4);
        var e = Assert.Throws<NmtInputException>(() => PredictiveAnalysis.Run(sessions, new PredictionOptions { Target = PredictionTarget.Responder }));
        Assert.Contains("could not grow a tree from 24 training rows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Episodes_use_first_pain_pre_last_pain_post_and_only_first_session_predictors()
    {
        var sessions = new ColumnTable(
        [
            new TextColumn("client_id", ["a", "a", "b", "b"]),
            new NumericColumn("session", [2, 1, 1, 2]),
            new NumericColumn("pain_pre", [5, 8, 6, 6]),
            new NumericColumn("pain_post", [5, 6, 6, 5]),
            new NumericColumn("stress", [2, 4, double.NaN, 6]),
            new CodeSetColumn("techniques", [["init"], ["stacking", "init"], null, null]),
        ]);
        var frame = ResponderEpisodes.Build(sessions, 2, 0.3, requireOutcome: true);
        Assert.Equal(new[] { "a", "b" }, frame.Clients);
        Assert.Equal(new[] { 1f, 0f }, frame.Labels); // a: 8 → 5 (3 points, 37.5 %); b: 6 → 5
        Assert.Equal(new[] { 8.0, 6.0 }, frame.Data.Numeric("pain_pre").Values);
        // Predictors come from the first session only (no leakage from later sessions): a's session 1, b's session 1.
        Assert.Equal(new[] { 4.0, double.NaN }, frame.Data.Numeric("stress").Values);
        Assert.Equal(new[] { "stacking", "init" }, ((CodeSetColumn)frame.Data["techniques"]).Values[0]);
        Assert.Null(((CodeSetColumn)frame.Data["techniques"]).Values[1]);
    }
}
