using Nmt.Analytics.Models.Lmm;

namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// Final refinement of a smooth objective near its minimum under lower/upper bounds: Newton steps on the free
/// coordinates with a finite-difference gradient and Hessian, coordinates on a bound with an outward-pointing
/// gradient held fixed (an active-set projected Newton method, Bertsekas 1982, SIAM J. Control Optim. 20:221),
/// Levenberg damping when the Hessian is not positive definite, and backtracking so the objective never increases.
/// Converges quadratically where Nelder–Mead crawls, so a coarse simplex search followed by this polish reaches the
/// optimum to ~1e-9 with far fewer evaluations.
/// </summary>
public static class ProjectedNewtonPolish
{
    /// <summary>Polishes <paramref name="start"/>; returns the improved point (never worse than the start).</summary>
    /// <param name="objective">Smooth objective; must be defined slightly outside the box (finite differences).</param>
    /// <param name="start">Starting point inside the box.</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="maxIterations">Maximum Newton iterations.</param>
    /// <param name="gradientTolerance">Converged when every free gradient component is at most this in absolute value.</param>
    public static OptimizationResult Polish(Func<double[], double> objective, double[] start, double[] lower, int maxIterations = 25, double gradientTolerance = 1e-4)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(lower);
        var evaluations = 0;
        double Eval(double[] x)
        {
            evaluations++;
            var v = objective(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }
        var k = start.Length;
        var x = (double[])start.Clone();
        var f = Eval(x);
        var converged = false;
        for (var iter = 0; iter < maxIterations; iter++)
        {
            var (g, h) = Derivatives(Eval, x, f);
            var free = Enumerable.Range(0, k).Where(i => !(x[i] <= lower[i] && g[i] >= 0)).ToArray();
            if (free.All(i => Math.Abs(g[i]) <= gradientTolerance))
            {
                converged = true;
                break;
            }
            var d = DampedNewtonStep(g, h, free);
            var (xNew, fNew) = LineSearch(Eval, x, f, d, lower);
            if (!(fNew < f))
            {
                converged = free.All(i => Math.Abs(g[i]) <= gradientTolerance * 100);
                break;
            }
            var change = Enumerable.Range(0, k).Max(i => Math.Abs(xNew[i] - x[i]));
            x = xNew;
            var gain = f - fNew;
            f = fNew;
            if (gain <= 1e-13 * (1 + Math.Abs(f)) && change <= 1e-9)
            {
                converged = true;
                break;
            }
        }
        return new OptimizationResult(x, f, evaluations, converged);
    }

    /// <summary>Central-difference gradient and Hessian diagonal; off-diagonals from one extra point each.</summary>
    internal static (double[] G, double[,] H) Derivatives(Func<double[], double> eval, double[] x, double f)
    {
        var k = x.Length;
        var step = x.Select(v => 1e-4 * Math.Max(Math.Abs(v), 0.1)).ToArray();
        var fp = new double[k];
        var g = new double[k];
        var h = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            fp[i] = eval(Shift(x, i, step[i]));
            var fm = eval(Shift(x, i, -step[i]));
            g[i] = (fp[i] - fm) / (2 * step[i]);
            h[i, i] = (fp[i] - (2 * f) + fm) / (step[i] * step[i]);
        }
        for (var i = 0; i < k; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                var fij = eval(Shift(Shift(x, i, step[i]), j, step[j]));
                h[i, j] = h[j, i] = (fij - fp[i] - fp[j] + f) / (step[i] * step[j]);
            }
        }
        return (g, h);
    }

    /// <summary>Solves (H_ff + λI) d_f = −g_f, raising λ until the matrix is positive definite.</summary>
    private static double[] DampedNewtonStep(double[] g, double[,] h, int[] free)
    {
        var m = free.Length;
        var d = new double[g.Length];
        var scale = free.Length == 0 ? 1 : free.Max(i => Math.Abs(h[i, i]));
        if (!double.IsFinite(scale) || free.Any(i => !double.IsFinite(g[i])))
        {
            // A non-finite derivative (the objective is infinite near x, e.g. a separated GLMM): no step, so the
            // polish stops here instead of raising λ forever.
            return d;
        }
        for (var lambda = 0.0; ; lambda = lambda == 0 ? 1e-8 * Math.Max(scale, 1e-8) : lambda * 10)
        {
            var a = new double[m * m];
            var b = new double[m];
            for (var r = 0; r < m; r++)
            {
                for (var c = 0; c < m; c++)
                {
                    a[(r * m) + c] = h[free[r], free[c]] + (r == c ? lambda : 0);
                }
                b[r] = -g[free[r]];
            }
            if (!double.IsNaN(DenseKernels.Cholesky(a, 0, m)))
            {
                DenseKernels.ForwardSolve(a, 0, m, b, 0, 1);
                DenseKernels.BackSolveTransposed(a, 0, m, b, 0, 1);
                for (var r = 0; r < m; r++)
                {
                    d[free[r]] = b[r];
                }
                return d;
            }
            if (!(lambda <= 1e12 * Math.Max(scale, 1)))
            {
                for (var r = 0; r < m; r++)
                {
                    d[free[r]] = -g[free[r]] / Math.Max(scale, 1e-8);
                }
                return d;
            }
        }
    }

    private static (double[] X, double F) LineSearch(Func<double[], double> eval, double[] x, double f, double[] d, double[] lower)
    {
        var t = 1.0;
        for (var s = 0; s < 30; s++, t /= 2)
        {
            var trial = new double[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                trial[i] = Math.Max(lower[i], x[i] + (t * d[i]));
            }
            var ft = eval(trial);
            if (ft < f)
            {
                return (trial, ft);
            }
        }
        return (x, f);
    }

    private static double[] Shift(double[] x, int i, double h)
    {
        var y = (double[])x.Clone();
        y[i] += h;
        return y;
    }
}
