namespace Nmt.Analytics.Evidence;

/// <summary>Which critical value the prediction interval uses.</summary>
public enum PredictionIntervalKind
{
    /// <summary>
    /// metafor's default: μ̂ ± z·√(τ² + SE²), or t with k − p df under the Hartung–Knapp adjustment.
    /// </summary>
    Normal,

    /// <summary>Riley et al. (2011) / Higgins et al. (2009): μ̂ ± t(k − 2)·√(τ² + SE²) (metafor <c>pi.type = "riley"</c>).</summary>
    Riley,
}
