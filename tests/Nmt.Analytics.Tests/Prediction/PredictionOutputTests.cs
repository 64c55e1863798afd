using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

/// <summary>The predict JSON and tables of <see cref="PredictionReport"/>, and a saved model that loads.</summary>
public class PredictionOutputTests
{
    [Fact]
    public void Json_follows_the_predict_contract()
    {
        var options = new PredictionOptions { Trees = 10, Folds = 3, Seed = 4 };

        var json = PredictiveAnalysis.Run(TestSessions.Generate(40, 5), options).ToJson();

        Assert.Equal("pain_change", (string)json["target"]!);
        Assert.Equal("lightgbm", (string)json["trainer"]!);
        Assert.Equal("client_id", (string)json["grouped_by"]!);
        Assert.Equal(3, (int)json["folds"]!);
        Assert.True((int)json["n_obs"]! > 100);
        Assert.Equal(new[] { "rmse", "mae", "r2" }, json["metrics"]!.AsObject().Select(p => p.Key));
        var first = json["importance"]!.AsArray()[0]!.AsObject();
        Assert.Equal(new[] { "feature", "importance", "std_error" }, first.Select(p => p.Key));
        Assert.Null(json["calibration"]);
    }

    [Fact]
    public void Responder_tables_show_every_section_and_a_saved_model_loads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nmt-predict-{Guid.NewGuid():N}.zip");
        try
        {
            var options = new PredictionOptions { Target = PredictionTarget.Responder, Trees = 10, Folds = 3, MinRowsPerLeaf = 5, Seed = 4 };
            var sessions = TestSessions.Generate(90, 5);

            var text = string.Join("\n", PredictiveAnalysis.Run(sessions, options).Tables().Select(t => t.ToText()));
            PredictiveModel.Train(sessions, options).Save(path);

            Assert.All(new[] { "Metrics", "Importance", "Partial dependence", "Calibration", "auc", "log_loss" },
                s => Assert.Contains(s, text, StringComparison.Ordinal));
            Assert.Equal(PredictionTarget.Responder, PredictiveModel.Load(path).Options.Target);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
