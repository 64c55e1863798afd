using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

public class PredictionDeterminismTests
{
    [Theory]
    [InlineData(PredictionTrainer.LightGbm)]
    [InlineData(PredictionTrainer.FastTree)]
    [InlineData(PredictionTrainer.Linear)]
    public void Same_seed_gives_identical_results(PredictionTrainer trainer)
    {
        var sessions = TestSessions.Generate(80, 2);
        var options = new PredictionOptions { Trainer = trainer, Trees = 20, Folds = 3, Seed = 9, Features = PainChangeFixture.Features };
        var first = PredictiveAnalysis.Run(sessions, options);
        var second = PredictiveAnalysis.Run(sessions, options);
        Assert.Equal(first.Metrics().ToCsv(), second.Metrics().ToCsv());
        Assert.Equal(first.Importance().ToCsv(), second.Importance().ToCsv());
        Assert.Equal(first.PartialDependence().ToCsv(), second.PartialDependence().ToCsv());
        Assert.True(first.Metric("r2") > 0.2, $"{trainer} R² {first.Metric("r2")}");
    }

    [Fact]
    public void Linear_partial_dependence_is_a_straight_line_with_the_planted_slopes()
    {
        // For a linear model, partial dependence is exactly β·x + constant, so its slope recovers the coefficient:
        // planted +0.35 per stress point and −0.8 per litre of hydration. Clamping NPRS to 0–10 attenuates both
        // (high-stress clients drift to 10 and cannot worsen further), so only sign and rough size are checked.
        var report = PredictiveAnalysis.Run(TestSessions.Generate(300, 1), new PredictionOptions { Trainer = PredictionTrainer.Linear, Seed = 2 });
        foreach (var (feature, planted) in new[] { ("stress", 0.35), ("hydration", -0.8) })
        {
            var curve = report.Curves.Single(c => c.Feature == feature);
            var slopes = Enumerable.Range(1, curve.Values.Count - 1)
                .Select(k => (curve.MeanPrediction[k] - curve.MeanPrediction[k - 1]) / (curve.Values[k] - curve.Values[k - 1])).ToList();
            Assert.All(slopes, b => Assert.Equal(slopes[0], b, 1e-3));
            Assert.InRange(slopes[0] / planted, 0.6, 1.15);
        }
    }
}
