namespace Nmt.Analytics.Prediction;

/// <summary>What a predictive model learns to predict (contract names in <see cref="PredictionTargets"/>).</summary>
public enum PredictionTarget
{
    /// <summary><c>pain_change</c> = <c>pain_post − pain_pre</c> per session (regression; negative = improvement).</summary>
    PainChange,

    /// <summary>Episode <c>responder</c>: improvement ≥ 2 NPRS points and ≥ 30 % over a client's sessions (binary).</summary>
    Responder,
}
