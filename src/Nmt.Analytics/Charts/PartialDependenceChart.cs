using Nmt.Analytics.Results;
using ScottPlot;

namespace Nmt.Analytics.Charts;

/// <summary>
/// Partial-dependence lines (Friedman 2001, Ann Stat 29:1189): the model's mean prediction as one feature is set to
/// each grid value, one line per feature, with a rug of the observed values (or of the grid when none are given) so
/// that regions with no data are visible. A flat line means the model uses the feature little on average; it says
/// nothing about causation, and averages hide interactions.
/// </summary>
public static class PartialDependenceChart
{
    /// <summary>The grid of one feature: (value, mean_prediction) sorted by value.</summary>
    public static IReadOnlyDictionary<string, (double[] Values, double[] Predictions)> Curves(ResultTable dependence)
    {
        ChartInputs.RequireColumns(dependence, "The partial-dependence chart", "feature", "value", "mean_prediction");
        var features = ChartInputs.Text(dependence, "feature");
        var (value, prediction) = (dependence.NumericColumn("value"), dependence.NumericColumn("mean_prediction"));
        return features.Select((f, i) => (f, i)).Where(t => !double.IsNaN(value[t.i]) && !double.IsNaN(prediction[t.i]))
            .GroupBy(t => t.f, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var rows = g.OrderBy(t => value[t.i]).ToArray();
                return (rows.Select(t => value[t.i]).ToArray(), rows.Select(t => prediction[t.i]).ToArray());
            }, StringComparer.Ordinal);
    }

    /// <summary>Builds the plot (not yet saved).</summary>
    /// <param name="dependence">Table with columns feature, value, mean_prediction.</param>
    /// <param name="features">Features to draw (default all, in table order). Put features sharing a scale on one chart.</param>
    /// <param name="observed">Observed values per feature for the rug (sampled to 200); null = rug of the grid values.</param>
    /// <param name="featureUnit">Unit of the x axis, e.g. "0–10 scale".</param>
    /// <param name="prediction">What is predicted, e.g. "Predicted pain change".</param>
    /// <param name="unit">Its unit.</param>
    /// <param name="title">Chart title.</param>
    public static Plot Create(ResultTable dependence, IReadOnlyList<string>? features = null,
        IReadOnlyDictionary<string, IReadOnlyList<double>>? observed = null, string? featureUnit = null,
        string prediction = "Mean prediction", string? unit = "NPRS points", string? title = null)
    {
        var curves = Curves(dependence);
        var names = features ?? ChartInputs.Text(dependence, "feature").Distinct(StringComparer.Ordinal).ToArray();
        var unknown = names.Where(n => !curves.ContainsKey(n)).ToArray();
        if (unknown.Length > 0 || names.Count == 0)
        {
            throw new NmtInputException($"no partial dependence for feature(s) {string.Join(", ", unknown)}; the table has {string.Join(", ", curves.Keys)}.");
        }
        var plot = new Plot();
        var floor = names.Min(n => curves[n].Predictions.Min());
        var ceiling = names.Max(n => curves[n].Predictions.Max());
        var rugY = floor - (0.05 * Math.Max(ceiling - floor, 1e-9));
        for (var i = 0; i < names.Count; i++)
        {
            var (xs, ys) = curves[names[i]];
            var line = plot.Add.Scatter(xs, ys, ChartTheme.Series(i));
            line.LineWidth = 3;
            line.MarkerSize = 6;
            line.LegendText = names[i];
            var rug = observed is not null && observed.TryGetValue(names[i], out var values) ? values : xs;
            var sample = ChartInputs.Sample(rug.Where(v => !double.IsNaN(v)).ToArray(), 200, i + 1).ToArray();
            var rugMarks = plot.Add.Markers(sample, sample.Select(_ => rugY).ToArray(), MarkerShape.VerticalBar, 18,
                ChartTheme.Translucent(ChartTheme.Series(i), 0.7));
            rugMarks.MarkerLineWidth = 3;
        }
        ChartTheme.Apply(plot, title ?? "Partial dependence", ChartTheme.AxisTitle(names.Count == 1 ? names[0] : "Feature value", featureUnit),
            ChartTheme.AxisTitle(prediction, unit));
        ChartTheme.AddNote(plot, observed is null ? "Rug: grid values" : "Rug: observed values (sample)", Alignment.UpperLeft);
        ChartTheme.ShowLegend(plot);
        return plot;
    }

    /// <summary>Builds the plot and saves it as PNG or SVG (by extension).</summary>
    public static void Save(ResultTable dependence, string path, IReadOnlyList<string>? features = null) =>
        ChartTheme.Save(Create(dependence, features), path);
}
