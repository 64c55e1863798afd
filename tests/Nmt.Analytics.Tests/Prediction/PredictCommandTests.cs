using System.Text.Json.Nodes;
using Nmt.Analytics.Cli;
using Nmt.Analytics.Cli.Commands;
using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

public class PredictCommandTests
{
    [Fact]
    public void Json_output_follows_the_predict_contract()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr);
        var options = new PredictionOptions { Trees = 10, Folds = 3, Seed = 4 };
        var exit = PredictCommand.Execute(context, TestSessions.Generate(40, 5), options, null, OutputFormat.Json);
        Assert.Equal(0, exit);
        var json = JsonNode.Parse(stdout.ToString())!.AsObject();
        Assert.Equal("pain_change", (string)json["target"]!);
        Assert.Equal("lightgbm", (string)json["trainer"]!);
        Assert.Equal("client_id", (string)json["grouped_by"]!);
        Assert.Equal(3, (int)json["folds"]!);
        Assert.True((int)json["n_obs"]! > 100);
        Assert.Equal(new[] { "rmse", "mae", "r2" }, json["metrics"]!.AsObject().Select(p => p.Key));
        var first = json["importance"]!.AsArray()[0]!.AsObject();
        Assert.Equal(new[] { "feature", "importance", "std_error" }, first.Select(p => p.Key));
    }

    [Fact]
    public void Save_writes_a_model_that_loads_and_table_output_shows_every_section()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), $"nmt-cli-{Guid.NewGuid():N}.zip");
        try
        {
            var options = new PredictionOptions { Target = PredictionTarget.Responder, Trees = 10, Folds = 3, MinRowsPerLeaf = 5, Seed = 4 };
            Assert.Equal(0, PredictCommand.Execute(new CliContext(stdout, stderr), TestSessions.Generate(90, 5), options, path, OutputFormat.Table));
            Assert.Equal(PredictionTarget.Responder, PredictiveModel.Load(path).Options.Target);
            var text = stdout.ToString();
            Assert.All(new[] { "Metrics", "Importance", "Partial dependence", "Calibration", "auc", "log_loss" },
                s => Assert.Contains(s, text, StringComparison.Ordinal));
            Assert.Contains("model saved to", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Usage_errors_exit_1_with_a_message()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(1, NmtCli.Run(["predict", "data.csv", "--target", "pain"], stdout, stderr));
        Assert.Contains("--target: unknown value 'pain'", stderr.ToString(), StringComparison.Ordinal);
    }
}
