using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Prediction;

/// <summary>
/// Results of a client-grouped cross-validated predictive analysis: accuracy per fold × repeat, permutation
/// importance, partial dependence and (for <c>responder</c>) calibration — all as tidy <see cref="ResultTable"/>s.
/// </summary>
public sealed class PredictionReport
{
    private readonly IReadOnlyDictionary<string, List<double>> _metrics;
    private readonly IReadOnlyDictionary<string, List<double>> _importance;
    private readonly double[] _labels;
    private readonly double[] _outOfFold;

    internal PredictionReport(
        PredictionOptions options, PredictionFrame frame, IReadOnlyList<string> features, IReadOnlyList<int[]> foldAssignments,
        IReadOnlyDictionary<string, List<double>> metrics, IReadOnlyDictionary<string, List<double>> importance,
        IReadOnlyList<PartialDependenceCurve> curves, double[] outOfFold)
    {
        Options = options;
        Clients = frame.Clients;
        Exclusions = frame.Exclusions;
        FeatureColumns = features;
        FoldAssignments = foldAssignments;
        _metrics = metrics;
        _importance = importance;
        Curves = curves;
        _labels = frame.Labels.Select(v => (double)v).ToArray();
        _outOfFold = outOfFold;
    }

    /// <summary>The settings used.</summary>
    public PredictionOptions Options { get; }

    /// <summary>Number of modelled observations (sessions for pain_change, client episodes for responder).</summary>
    public int ObservationCount => Clients.Count;

    /// <summary>Number of distinct clients.</summary>
    public int ClientCount => Clients.Distinct(StringComparer.Ordinal).Count();

    /// <summary>Client id of each observation (the grouping key).</summary>
    public IReadOnlyList<string> Clients { get; }

    /// <summary>Fold of each observation, one array per repeat.</summary>
    public IReadOnlyList<int[]> FoldAssignments { get; }

    /// <summary>Rows left out, with reasons.</summary>
    public IReadOnlyList<RowExclusion> Exclusions { get; }

    /// <summary>The predictor columns used.</summary>
    public IReadOnlyList<string> FeatureColumns { get; }

    /// <summary>Partial-dependence series of the numeric factors present.</summary>
    public IReadOnlyList<PartialDependenceCurve> Curves { get; }

    /// <summary>Out-of-fold prediction per observation, averaged over repeats.</summary>
    public IReadOnlyList<double> OutOfFoldPredictions => _outOfFold;

    /// <summary>Metric means and standard deviations over folds × repeats (rmse, mae, r2 or auc, brier, log_loss).</summary>
    public ResultTable Metrics()
    {
        var table = new ResultTable("Metrics", "metric", "mean", "sd", "n");
        foreach (var (name, values) in _metrics)
        {
            var finite = values.Where(double.IsFinite).ToList();
            table.AddRow(name, FoldStatistics.Mean(finite), FoldStatistics.Sd(finite), finite.Count);
        }
        table.AddNote($"{Options.Trainer.Name()}, target {Options.Target.Name()}: {Options.Folds}-fold cross-validation grouped by client_id "
            + $"(no client in both training and test), {Options.Repeats} repeat(s), seed {Options.Seed}; "
            + $"{ObservationCount} observations of {ClientCount} clients.");
        return AddExclusionNote(table);
    }

    /// <summary>The mean of one metric over folds × repeats.</summary>
    public double Metric(string name) => FoldStatistics.Mean(_metrics[name].Where(double.IsFinite).ToList());

    /// <summary>Permutation importance per original feature (mean over folds × repeats, with its standard error), largest first.</summary>
    public ResultTable Importance()
    {
        var loss = Options.Target == PredictionTarget.Responder ? "AUC decrease" : "RMSE increase";
        var table = new ResultTable("Importance", "feature", "importance", "std_error");
        // A test fold with a single responder class has no AUC, hence no importance: such folds are skipped.
        var finite = _importance.Select(kv => (Name: kv.Key, Values: kv.Value.Where(double.IsFinite).ToList())).ToList();
        foreach (var (name, values) in finite.OrderByDescending(f => FoldStatistics.Mean(f.Values)).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            table.AddRow(name, FoldStatistics.Mean(values), FoldStatistics.Se(values));
        }
        table.AddNote($"Importance = {loss} on the test fold when the feature's values are permuted across rows (all its indicator slots together); "
            + "std_error = SD over folds × repeats / √n, which understates uncertainty because training sets overlap. Prediction is not causation.");
        return table;
    }

    /// <summary>Partial dependence of one numeric feature: grid value, mean prediction and its standard error over fold fits.</summary>
    /// <exception cref="NmtInputException">No curve for that feature.</exception>
    public ResultTable PartialDependence(string feature)
    {
        var curve = Curves.FirstOrDefault(c => c.Feature == feature) ?? throw new NmtInputException(
            $"no partial dependence for '{feature}'. Available: {(Curves.Count == 0 ? "none" : string.Join(", ", Curves.Select(c => c.Feature)))}.");
        return PartialDependenceTable([curve]);
    }

    /// <summary>All partial-dependence curves in one long table.</summary>
    public ResultTable PartialDependence() => PartialDependenceTable(Curves);

    /// <summary>
    /// Calibration of the out-of-fold responder probabilities (averaged over repeats): equal-width bins with the
    /// mean predicted probability, the observed responder rate and the count. Empty for pain_change.
    /// </summary>
    public ResultTable Calibration()
    {
        var table = new ResultTable("Calibration", "bin", "mean_predicted", "observed_rate", "n");
        if (Options.Target != PredictionTarget.Responder)
        {
            return table.AddNote("Calibration applies to the responder target only.");
        }
        var bins = Options.CalibrationBins;
        for (var b = 0; b < bins; b++)
        {
            var members = Enumerable.Range(0, _outOfFold.Length).Where(i => Math.Min((int)(_outOfFold[i] * bins), bins - 1) == b).ToList();
            if (members.Count > 0)
            {
                var label = FormattableString.Invariant($"[{(double)b / bins:0.###},{(double)(b + 1) / bins:0.###}{(b == bins - 1 ? "]" : ")")}");
                table.AddRow(label, members.Average(i => _outOfFold[i]), members.Average(i => _labels[i]), members.Count);
            }
        }
        return table.AddNote("Out-of-fold probabilities; a well-calibrated model has observed_rate ≈ mean_predicted in every bin.");
    }

    private ResultTable PartialDependenceTable(IEnumerable<PartialDependenceCurve> curves)
    {
        var table = new ResultTable("Partial dependence", "feature", "value", "mean_prediction", "std_error");
        foreach (var curve in curves)
        {
            for (var k = 0; k < curve.Values.Count; k++)
            {
                table.AddRow(curve.Feature, curve.Values[k], curve.MeanPrediction[k], curve.StdError[k]);
            }
            table.AddNote(FormattableString.Invariant($"{curve.Feature}: grid over the observed range {curve.DataMin:R}–{curve.DataMax:R}."));
        }
        var what = Options.Target == PredictionTarget.Responder ? "responder probability" : "pain change";
        return table.AddNote($"mean_prediction = model's average predicted {what} with the feature set to value (Friedman 2001); it describes the model, not a causal effect.");
    }

    private ResultTable AddExclusionNote(ResultTable table)
    {
        if (Exclusions.Count > 0)
        {
            var reasons = Exclusions.GroupBy(e => e.Reason.Contains(": ", StringComparison.Ordinal) ? e.Reason[(e.Reason.IndexOf(": ", StringComparison.Ordinal) + 2)..] : e.Reason)
                .Select(g => $"{g.Count()} × {g.Key}");
            table.AddNote($"{Exclusions.Count} row(s) excluded: {string.Join("; ", reasons)}.");
        }
        return table;
    }

    /// <summary>
    /// The predict JSON (docs/cli.md): target, trainer, grouping, folds, metrics and importance, plus <c>metrics_sd</c>,
    /// <c>partial_dependence</c>, <c>calibration</c> (responder only, else null) and <c>excluded_rows</c>.
    /// </summary>
    public JsonObject ToJson()
    {
        var metrics = new JsonObject();
        var spread = new JsonObject();
        var table = Metrics();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            metrics[(string)table.Rows[i][0]!] = ResultJson.Number((double)table.Rows[i][1]!);
            spread[(string)table.Rows[i][0]!] = ResultJson.Number((double)table.Rows[i][2]!);
        }
        return new JsonObject
        {
            ["target"] = Options.Target.Name(),
            ["trainer"] = Options.Trainer.Name(),
            ["grouped_by"] = SessionColumns.ClientId,
            ["folds"] = Options.Folds,
            ["repeats"] = Options.Repeats,
            ["seed"] = Options.Seed,
            [OutputNames.NObs] = ObservationCount,
            ["n_clients"] = ClientCount,
            ["metrics"] = metrics,
            ["metrics_sd"] = spread,
            ["importance"] = Importance().ToJsonArray(),
            ["partial_dependence"] = PartialDependence().ToJsonArray(),
            ["calibration"] = Options.Target == PredictionTarget.Responder ? Calibration().ToJsonArray() : null,
            [OutputNames.ExcludedRows] = ResultJson.Exclusions(Exclusions),
        };
    }

    /// <summary>The tables that table and CSV output show: metrics, importance, partial dependence, and calibration for responders.</summary>
    public IReadOnlyList<ResultTable> Tables() => Options.Target == PredictionTarget.Responder
        ? [Metrics(), Importance(), PartialDependence(), Calibration()]
        : [Metrics(), Importance(), PartialDependence()];
}
