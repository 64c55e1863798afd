using Nmt.Analytics.Data;
using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

/// <summary>One LightGBM pain_change analysis on planted test data, shared by the recovery tests.</summary>
public sealed class PainChangeFixture
{
    public static readonly string[] Features =
        ["session", "pain_pre", "region", "techniques", "age_band", "sex", "stress", "hydration", "sleep_hours", "nutrition", "noise"];

    public PainChangeFixture()
    {
        Sessions = TestSessions.Generate(300, 1);
        Options = new PredictionOptions { Trees = 60, Folds = 5, Repeats = 2, Seed = 5, Features = Features };
        Report = PredictiveAnalysis.Run(Sessions, Options);
    }

    public ColumnTable Sessions { get; }

    public PredictionOptions Options { get; }

    public PredictionReport Report { get; }
}
