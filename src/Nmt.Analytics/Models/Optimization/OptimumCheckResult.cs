namespace Nmt.Analytics.Models.Optimization;

/// <summary>The outcome of <see cref="BoundedOptimumCheck"/>.</summary>
/// <param name="MaxAbsGradient">Largest absolute gradient component over the coordinates not on a bound.</param>
/// <param name="HessianPositive">The Hessian over the free coordinates is positive semi-definite (to round-off).</param>
/// <param name="AtBoundary">Some coordinate sits on its bound.</param>
/// <param name="BoundaryDescent">Bound coordinates along which a step into the feasible region lowers the objective.</param>
/// <param name="IsOptimum">All conditions hold: a (local) minimum.</param>
public sealed record OptimumCheckResult(double MaxAbsGradient, bool HessianPositive, bool AtBoundary, IReadOnlyList<int> BoundaryDescent, bool IsOptimum);
