namespace Nmt.Analytics.Models.Optimization;

/// <summary>The bounded derivative-free search that brings θ near the optimum before the Newton polish and the check.</summary>
public enum CoarseOptimizer
{
    /// <summary>
    /// The bounded Nelder–Mead simplex (<see cref="BoundedNelderMead"/>), the default: it only compares objective
    /// values, so deviances that differ by rounding (rows in memory vs sums from an engine) follow the same path and
    /// give the same estimates to 1e-9.
    /// </summary>
    NelderMead,

    /// <summary>Powell's BOBYQA (<see cref="Bobyqa"/>), lme4's optimiser; Nelder–Mead is used when θ has one element.</summary>
    Bobyqa,
}
