namespace Nmt.Analytics.Models.Optimization;

/// <summary>Why <see cref="Bobyqa"/> stopped.</summary>
public enum BobyqaStop
{
    /// <summary>The trust-region radius reached its final value: the normal end.</summary>
    RadiusReached,

    /// <summary>The evaluation limit was reached first.</summary>
    EvaluationLimit,

    /// <summary>
    /// Rounding errors cancelled the denominator of the interpolation update (Powell's RESCUE case, which this
    /// implementation does not attempt), or a trust-region step failed to reduce the model: the point is the best
    /// found, not a certified optimum.
    /// </summary>
    NumericalDifficulty,
}
