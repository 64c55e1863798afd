namespace Nmt.Analytics.Prediction;

/// <summary>A chart-ready partial-dependence series for one numeric feature, averaged over cross-validation fits.</summary>
/// <param name="Feature">The column.</param>
/// <param name="Values">Grid values (x), evenly spaced over the observed data range.</param>
/// <param name="MeanPrediction">Mean prediction at each value (y): pain change, or responder probability.</param>
/// <param name="StdError">Standard error of the mean over the fold fits at each value.</param>
/// <param name="DataMin">Smallest observed value (the curve says nothing outside the data range).</param>
/// <param name="DataMax">Largest observed value.</param>
public sealed record PartialDependenceCurve(
    string Feature, IReadOnlyList<double> Values, IReadOnlyList<double> MeanPrediction, IReadOnlyList<double> StdError, double DataMin, double DataMax);
