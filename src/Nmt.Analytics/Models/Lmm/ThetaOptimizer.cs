using Nmt.Analytics.Models.Optimization;

namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// Minimises the profiled deviance over θ so that a reported convergence is a checked one: the best of several
/// scale-aware starts (<see cref="StartingValues"/>), a bounded search (simplex, or BOBYQA as lme4) polished by projected Newton steps,
/// restarts from boundary solutions into the interior when that lowers the deviance (lme4's <c>restart_edge</c>,
/// Bates et al. 2015, JSS 67(1), sect. 3.6), and a final boundary-aware check of the gradient and Hessian
/// (<see cref="BoundedOptimumCheck"/>). A fit that fails the check, or hits the evaluation limit, is not converged.
/// </summary>
internal static class ThetaOptimizer
{
    private const int MaxRestarts = 4;

    public static (double[] Theta, OptimizerSummary Summary, bool Converged) Minimize(
        Func<double[], double> deviance, IReadOnlyList<double[]> starts, double[] lower, LmmOptions options)
    {
        var evaluations = 0;
        var recent = new EvaluationMemo();
        double Counted(double[] th)
        {
            if (recent.TryGet(th, out var known))
            {
                return known;
            }
            evaluations++;
            var value = deviance(th);
            recent.Add(th, value);
            return value;
        }
        var start = starts.MinBy(s => Finite(Counted(s)))!;
        var best = Run(Counted, start, lower, options);
        var restarts = 0;
        var limitHit = !best.Converged;
        var check = BoundedOptimumCheck.Check(Counted, best.Minimizer, best.Value, lower);
        while (!check.IsOptimum && !limitHit && restarts < MaxRestarts && evaluations < options.Optimizer.MaxEvaluations)
        {
            restarts++;
            var next = Run(Counted, Restart(best.Minimizer, check, starts, lower, restarts), lower, options);
            limitHit |= !next.Converged;
            if (next.Value < best.Value)
            {
                best = next with { Converged = true };
            }
            check = BoundedOptimumCheck.Check(Counted, best.Minimizer, best.Value, lower);
        }
        var converged = !limitHit && check.IsOptimum;
        var message = limitHit
            ? $"The optimiser stopped at its limit of {options.Optimizer.MaxEvaluations} deviance evaluations before converging; the estimates are not an optimum."
            : converged ? "" : Describe(check);
        var atBoundary = Enumerable.Range(0, lower.Length).Any(i => lower[i] == 0 && best.Minimizer[i] <= 0);
        return (best.Minimizer, new OptimizerSummary(evaluations, check.MaxAbsGradient, atBoundary, restarts, message), converged);
    }

    /// <summary>
    /// The last deviance values by exact θ: the polish's finite differences at its final point and the optimum check
    /// that follows probe the same points (and the polish re-evaluates the simplex's best point), so each is computed once.
    /// </summary>
    private sealed class EvaluationMemo
    {
        private const int Capacity = 64;
        private readonly (double[] X, double V)[] _entries = new (double[], double)[Capacity];
        private int _count;
        private int _next;

        public bool TryGet(double[] x, out double value)
        {
            for (var i = 0; i < _count; i++)
            {
                if (_entries[i].X.AsSpan().SequenceEqual(x))
                {
                    value = _entries[i].V;
                    return true;
                }
            }
            value = 0;
            return false;
        }

        public void Add(double[] x, double value)
        {
            _entries[_next] = ((double[])x.Clone(), value);
            _next = (_next + 1) % Capacity;
            _count = Math.Min(_count + 1, Capacity);
        }
    }

    private static double Finite(double v) => double.IsNaN(v) ? double.PositiveInfinity : v;

    /// <summary>Coarse bounded search (<see cref="Coarse"/>), then projected Newton to the optimum, then exact zeros where they are no worse.</summary>
    private static OptimizationResult Run(Func<double[], double> f, double[] start, double[] lower, LmmOptions options)
    {
        var coarse = Coarse(f, start, lower, options);
        if (!coarse.Converged)
        {
            return coarse;
        }
        var polished = ProjectedNewtonPolish.Polish(f, coarse.Minimizer, lower, maxIterations: 40, gradientTolerance: 1e-6);
        var (x, v) = SnapToBounds(polished.Minimizer, polished.Value, lower, options.SingularTolerance, f);
        return new OptimizationResult(x, v, coarse.Evaluations + polished.Evaluations, true);
    }

    /// <summary>
    /// The bounded simplex, or BOBYQA (Powell 2009, lme4's optimiser) when chosen and θ has two or more elements. A
    /// BOBYQA stop on rounding trouble ends the coarse phase at its best point: the polish and the final check decide
    /// whether that is an optimum. Only the evaluation limit counts as not converged.
    /// </summary>
    private static OptimizationResult Coarse(Func<double[], double> f, double[] start, double[] lower, LmmOptions options)
    {
        if (options.CoarseOptimizer == CoarseOptimizer.NelderMead || start.Length < 2)
        {
            return BoundedNelderMead.Minimize(f, start, lower, null, options.Optimizer);
        }
        var (result, stop) = Bobyqa.Minimize(f, start, lower, null, new BobyqaSettings { MaxEvaluations = options.Optimizer.MaxEvaluations });
        return result with { Converged = stop != BobyqaStop.EvaluationLimit };
    }

    /// <summary>
    /// The point to restart from: bound coordinates along which the deviance decreases are moved into the interior
    /// (to the largest of their value in any start), and on a failed interior check the best point is kept as is.
    /// </summary>
    private static double[] Restart(double[] x, OptimumCheckResult check, IReadOnlyList<double[]> starts, double[] lower, int attempt)
    {
        var y = (double[])x.Clone();
        foreach (var i in check.BoundaryDescent)
        {
            y[i] = Math.Max(starts.Max(s => s[i]), 1e-2) / attempt;
        }
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = Math.Max(y[i], lower[i]);
        }
        return y;
    }

    /// <summary>
    /// Moves near-zero diagonal elements of θ exactly onto their bound 0 when that does not increase the deviance,
    /// as a bound-constrained optimiser such as lme4's BOBYQA ends on the boundary of a singular fit.
    /// </summary>
    private static (double[] X, double Value) SnapToBounds(double[] theta, double value, double[] lower, double tolerance, Func<double[], double> deviance)
    {
        var best = (double[])theta.Clone();
        for (var i = 0; i < best.Length; i++)
        {
            if (lower[i] == 0 && best[i] != 0 && best[i] < tolerance)
            {
                var trial = (double[])best.Clone();
                trial[i] = 0;
                var v = deviance(trial);
                if (v <= value)
                {
                    best = trial;
                    value = v;
                }
            }
        }
        return (best, value);
    }

    private static string Describe(OptimumCheckResult check) =>
        check.BoundaryDescent.Count > 0
            ? "The optimiser stopped on the boundary (a zero variance or a correlation of ±1) although the deviance still decreases into the interior; the estimates are not an optimum."
            : !check.HessianPositive
                ? "The optimiser stopped at a saddle point of the deviance (its Hessian is not positive definite); the estimates are not an optimum."
                : $"The optimiser stopped where the deviance's gradient is still {check.MaxAbsGradient:G3}; the estimates may not be an optimum.";
}
