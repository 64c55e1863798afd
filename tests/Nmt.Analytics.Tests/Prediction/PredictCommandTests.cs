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
    public void Usage_errors_exit_1_with_a_message()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(1, NmtCli.Run(["predict", "data.csv", "--target", "pain"], stdout, stderr));
        Assert.Contains("--target: unknown value 'pain'", stderr.ToString(), StringComparison.Ordinal);
    }
}
