using System.Globalization;
using Nmt.Analytics.Prediction;

namespace Nmt.Analytics.Tests.Prediction;

/// <summary>Accuracy measures against R on mtcars (reference/metrics.R).</summary>
public class PredictionMetricsTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Prediction", "reference");

    private static readonly Dictionary<string, double[]> Data = ReadColumns("metrics_data.csv");

    private static readonly Dictionary<string, double> Expected = File.ReadAllLines(Path.Combine(Folder, "metrics_expected.csv")).Skip(1)
        .Select(l => l.Split(',')).ToDictionary(p => p[0].Trim(), p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [Theory]
    [InlineData("rmse")]
    [InlineData("mae")]
    [InlineData("r2")]
    public void Regression_metrics_match_R(string metric)
    {
        var (y, p) = (Data["y_reg"], Data["p_reg"]);
        var actual = metric switch
        {
            "rmse" => PredictionMetrics.Rmse(y, p),
            "mae" => PredictionMetrics.Mae(y, p),
            _ => PredictionMetrics.RSquared(y, p),
        };
        Assert.Equal(Expected[metric], actual, 1e-12);
    }

    [Theory]
    [InlineData("p_bin", "")]
    [InlineData("p_tie", "_ties")]
    public void Classification_metrics_match_R(string column, string suffix)
    {
        var (y, p) = (Data["y_bin"], Data[column]);
        Assert.Equal(Expected["auc" + suffix], PredictionMetrics.Auc(y, p), 1e-12);
        Assert.Equal(Expected["brier" + suffix], PredictionMetrics.Brier(y, p), 1e-12);
        Assert.Equal(Expected["log_loss" + suffix], PredictionMetrics.LogLoss(y, p), 1e-12);
    }

    [Fact]
    public void Auc_is_undefined_with_one_class() =>
        Assert.True(double.IsNaN(PredictionMetrics.Auc([1, 1, 1], [0.2, 0.5, 0.9])));

    private static Dictionary<string, double[]> ReadColumns(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file));
        var header = lines[0].Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return header.Select((h, j) => (h, rows.Select(r => r[j]).ToArray())).ToDictionary(t => t.h, t => t.Item2, StringComparer.Ordinal);
    }
}
