using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// Checks the first- and second-order (Karush–Kuhn–Tucker) conditions of a minimum under lower bounds
/// (Nocedal &amp; Wright 2006, Numerical Optimization, 2nd ed., thm. 12.5/12.6) by finite differences: on the free
/// coordinates the gradient must vanish and the Hessian be positive semi-definite; on a coordinate that sits on its
/// bound, a step into the feasible region must not lower the objective. The last test is lme4's
/// <c>restart_edge</c> check; it is one-sided and uses the objective itself, not its derivative, because the profiled
/// deviance is even in a diagonal θ element, so its derivative at 0 is 0 even where 0 is a maximum.
/// The gradient test is lme4's (<c>checkConv</c>, Bates et al. 2015): each free component of the gradient, or of the
/// gradient scaled by the Hessian's Cholesky factor R (R⁻¹g, the Newton step in the metric of the curvature), whichever
/// is smaller, must be at most the tolerance. The scaled form keeps the test meaningful when the objective is a sum
/// over 10⁸ rows, where rounding alone makes absolute finite-difference gradients of order 10⁻².
/// </summary>
public static class BoundedOptimumCheck
{
    /// <summary>Evaluates the optimality conditions of <paramref name="x"/>.</summary>
    /// <param name="objective">The smooth objective; must be defined slightly outside the box at free coordinates.</param>
    /// <param name="x">The candidate minimum.</param>
    /// <param name="value">The objective at <paramref name="x"/>.</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="gradientTolerance">Largest acceptable absolute gradient on free coordinates.</param>
    public static OptimumCheckResult Check(Func<double[], double> objective, double[] x, double value, double[] lower, double gradientTolerance = 2e-3)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(lower);
        var k = x.Length;
        var step = x.Select(v => 1e-4 * Math.Max(Math.Abs(v), 0.1)).ToArray();
        var bound = Enumerable.Range(0, k).Where(i => x[i] <= lower[i]).ToArray();
        var free = Enumerable.Range(0, k).Where(i => x[i] > lower[i]).ToArray();
        var descent = new List<int>();
        foreach (var i in bound)
        {
            // Two inward probes, a small and a larger one: a negative curvature at the edge shows in either.
            var small = objective(Shift(x, i, step[i] * 10));
            var large = objective(Shift(x, i, Math.Max(1e-2, step[i] * 100)));
            if (Math.Min(small, large) < value - (1e-10 * (1 + Math.Abs(value))))
            {
                descent.Add(i);
            }
        }
        var (gAll, hAll) = ProjectedNewtonPolish.Derivatives(objective, x, value);
        var g = free.Select(i => gAll[i]).ToArray();
        var h = Matrix<double>.Build.Dense(free.Length, free.Length, (a, b) => hAll[free[a], free[b]]);
        var maxGradient = g.Length == 0 ? 0 : g.Max(Math.Abs);
        var minEigen = h.RowCount == 0 ? 0 : h.Evd().EigenValues.Min(e => e.Real);
        var scale = h.RowCount == 0 ? 1 : Math.Max(1, h.Diagonal().AbsoluteMaximum());
        return new OptimumCheckResult(maxGradient, minEigen >= -1e-4 * scale, bound.Length > 0, descent,
            ScaledGradient(g, h) <= gradientTolerance && minEigen >= -1e-4 * scale && descent.Count == 0);
    }

    /// <summary>max over i of min(|gᵢ|, |(R⁻¹g)ᵢ|) with H = RᵀR, as lme4's <c>checkConv</c>; |g| when H is not positive definite.</summary>
    private static double ScaledGradient(double[] g, Matrix<double> h)
    {
        if (g.Length == 0)
        {
            return 0;
        }
        try
        {
            var r = h.Cholesky().Factor.Transpose();
            var scaled = r.Solve(Vector<double>.Build.DenseOfArray(g));
            return Enumerable.Range(0, g.Length).Max(i => Math.Min(Math.Abs(g[i]), Math.Abs(scaled[i])));
        }
        catch (ArgumentException)
        {
            return g.Max(Math.Abs);
        }
    }

    private static double[] Shift(double[] x, int i, double h)
    {
        var y = (double[])x.Clone();
        y[i] += h;
        return y;
    }
}
