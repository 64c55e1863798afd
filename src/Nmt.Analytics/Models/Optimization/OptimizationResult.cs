namespace Nmt.Analytics.Models.Optimization;

/// <summary>The outcome of a numerical minimisation.</summary>
/// <param name="Minimizer">The best point found.</param>
/// <param name="Value">The objective at <paramref name="Minimizer"/>.</param>
/// <param name="Evaluations">Number of objective evaluations used.</param>
/// <param name="Converged">True if the convergence criteria were met before the evaluation limit.</param>
public sealed record OptimizationResult(double[] Minimizer, double Value, int Evaluations, bool Converged);
