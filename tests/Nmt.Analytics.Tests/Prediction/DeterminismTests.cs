using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

public class DeterminismTests
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
}
