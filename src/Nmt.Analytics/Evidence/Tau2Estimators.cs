namespace Nmt.Analytics.Evidence;

/// <summary>Maps <see cref="Tau2Method"/> to its estimator.</summary>
internal static class Tau2Estimators
{
    /// <summary>The estimator for the options' method.</summary>
    public static ITau2Estimator For(MetaAnalysisOptions options) => options.Method switch
    {
        Tau2Method.FixedEffect => new FixedEffectEstimator(),
        Tau2Method.DerSimonianLaird => new DerSimonianLairdEstimator(),
        Tau2Method.PauleMandel => new PauleMandelEstimator(),
        _ => new RemlEstimator(options.Threshold, options.MaxIterations),
    };
}
