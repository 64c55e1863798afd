using Nmt.Analytics.Data;

namespace Nmt.Analytics.Prediction;

/// <summary>
/// Cross-validated predictive modelling of <c>pain_change</c> or <c>responder</c> with ML.NET: client-grouped K-fold
/// cross-validation repeated with seeds, accuracy metrics with their spread, permutation importance and partial dependence.
/// </summary>
public static class PredictiveAnalysis
{
    /// <summary>Runs the analysis on a session table (session dataset columns, docs/cli.md).</summary>
    /// <exception cref="NmtInputException">Missing columns, too few clients for the folds, a one-class target, bad options.</exception>
    public static PredictionReport Run(ColumnTable sessions, PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var frame = PredictionFrame.Build(sessions, options);
        var features = ResolveFeatures(frame.Data, options);
        var encoder = FeatureEncoder.Fit(frame.Data, features);
        var x = encoder.Encode(frame.Data, allowUnknown: false, out _);
        CheckTarget(frame, options);
        var run = new CrossValidationRun(options, frame, encoder, x);
        return run.Execute(features);
    }

    /// <summary>The predictor columns: <see cref="PredictionOptions.Features"/> or the catalogue defaults present in the data.</summary>
    internal static IReadOnlyList<string> ResolveFeatures(ColumnTable data, PredictionOptions options)
    {
        var forbidden = new HashSet<string>(FeatureCatalog.Forbidden, StringComparer.Ordinal);
        if (options.Features is { } chosen)
        {
            foreach (var name in chosen)
            {
                if (forbidden.Contains(name))
                {
                    throw new NmtInputException($"'{name}' cannot be a predictor: it identifies the client/clinic or is measured after treatment (it would leak the outcome).", null, name);
                }
                _ = data[name]; // unknown column → message with closest name
            }
            return chosen.Distinct(StringComparer.Ordinal).ToList();
        }
        var present = FeatureCatalog.DefaultFeatures.Where(data.Contains).ToList();
        return present.Count > 0 ? present : throw new NmtInputException(
            $"none of the predictor columns is present ({string.Join(", ", FeatureCatalog.DefaultFeatures)}).");
    }

    private static void CheckTarget(PredictionFrame frame, PredictionOptions options)
    {
        var what = options.Target.Name();
        if (frame.Labels.Length == 0)
        {
            throw new NmtInputException($"no usable rows for target '{what}' ({frame.Exclusions.Count} excluded: pain_pre/pain_post/client_id missing).");
        }
        if (options.Target == PredictionTarget.Responder)
        {
            var responders = frame.Labels.Count(v => v > 0.5f);
            if (responders == 0 || responders == frame.Labels.Length)
            {
                var cls = responders == 0 ? "non-responders" : "responders";
                throw new NmtInputException($"target 'responder' has only one class: all {frame.Labels.Length} client episodes are {cls}. "
                    + "A classifier needs both responders and non-responders.", null, "responder");
            }
        }
    }
}
