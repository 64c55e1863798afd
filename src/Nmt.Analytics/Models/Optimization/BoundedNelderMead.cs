namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// Derivative-free minimisation under box constraints: the Nelder–Mead simplex method (Nelder &amp; Mead 1965,
/// Computer Journal 7:308) with every trial point projected onto the box, restarted from the best point until a
/// restart no longer improves the objective (restarts guard against the premature collapse of the simplex that
/// plain Nelder–Mead is known for, McKinnon 1998). Points on a bound are reachable exactly, so boundary optima
/// (e.g. a zero variance in a mixed model) are found.
/// </summary>
public static class BoundedNelderMead
{
    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/> within [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <param name="objective">The function to minimise; may return +∞ for infeasible points.</param>
    /// <param name="start">Starting point (projected onto the box).</param>
    /// <param name="lower">Lower bounds (−∞ for none).</param>
    /// <param name="upper">Upper bounds (+∞ for none); null for none at all.</param>
    /// <param name="settings">Tolerances and limits; defaults if null.</param>
    public static OptimizationResult Minimize(
        Func<double[], double> objective, double[] start, double[] lower, double[]? upper = null, NelderMeadSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(lower);
        settings ??= new NelderMeadSettings();
        upper ??= Enumerable.Repeat(double.PositiveInfinity, start.Length).ToArray();
        var evaluations = 0;
        double Eval(double[] x)
        {
            evaluations++;
            var v = objective(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }
        var best = Project(start, lower, upper);
        var bestValue = Eval(best);
        var step = settings.InitialStep;
        var converged = false;
        for (var restart = 0; restart <= settings.MaxRestarts; restart++)
        {
            var (x, v, ok) = RunSimplex(Eval, best, bestValue, step, lower, upper, settings, () => evaluations);
            var improvement = bestValue - v;
            if (v <= bestValue)
            {
                best = x;
                bestValue = v;
            }
            if (!ok)
            {
                converged = false;
                break;
            }
            converged = true;
            if (restart > 0 && improvement <= settings.FunctionTolerance * (1 + Math.Abs(bestValue)))
            {
                break;
            }
            step = settings.RestartStep;
        }
        return new OptimizationResult(best, bestValue, evaluations, converged);
    }

    private static (double[] X, double Value, bool Converged) RunSimplex(
        Func<double[], double> eval, double[] x0, double f0, double step, double[] lower, double[] upper,
        NelderMeadSettings s, Func<int> evaluations)
    {
        var n = x0.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        simplex[0] = (double[])x0.Clone();
        values[0] = f0;
        for (var i = 0; i < n; i++)
        {
            var v = (double[])x0.Clone();
            var h = step * Math.Max(1, Math.Abs(x0[i]));
            v[i] = x0[i] + h <= upper[i] ? x0[i] + h : x0[i] - h;
            simplex[i + 1] = Project(v, lower, upper);
            values[i + 1] = eval(simplex[i + 1]);
        }
        while (evaluations() < s.MaxEvaluations)
        {
            Sort(simplex, values);
            if (HasConverged(simplex, values, s))
            {
                return (simplex[0], values[0], true);
            }
            var centroid = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            var worst = simplex[n];
            var reflected = Project(Affine(centroid, worst, 1.0), lower, upper);
            var fr = eval(reflected);
            if (fr < values[0])
            {
                var expanded = Project(Affine(centroid, worst, 2.0), lower, upper);
                var fe = eval(expanded);
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (simplex[n], values[n]) = (reflected, fr);
            }
            else
            {
                var outside = fr < values[n];
                var contracted = Project(Affine(centroid, worst, outside ? 0.5 : -0.5), lower, upper);
                var fc = eval(contracted);
                if (fc < (outside ? fr : values[n]))
                {
                    (simplex[n], values[n]) = (contracted, fc);
                }
                else
                {
                    Shrink(eval, simplex, values, lower, upper);
                }
            }
        }
        Sort(simplex, values);
        return (simplex[0], values[0], false);
    }

    /// <summary>centroid + coefficient·(centroid − worst).</summary>
    private static double[] Affine(double[] centroid, double[] worst, double coefficient)
    {
        var x = new double[centroid.Length];
        for (var j = 0; j < x.Length; j++)
        {
            x[j] = centroid[j] + (coefficient * (centroid[j] - worst[j]));
        }
        return x;
    }

    private static void Shrink(Func<double[], double> eval, double[][] simplex, double[] values, double[] lower, double[] upper)
    {
        for (var i = 1; i < simplex.Length; i++)
        {
            var x = new double[simplex[0].Length];
            for (var j = 0; j < x.Length; j++)
            {
                x[j] = simplex[0][j] + (0.5 * (simplex[i][j] - simplex[0][j]));
            }
            simplex[i] = Project(x, lower, upper);
            values[i] = eval(simplex[i]);
        }
    }

    private static bool HasConverged(double[][] simplex, double[] values, NelderMeadSettings s)
    {
        var n = simplex.Length - 1;
        if (values[n] - values[0] > s.FunctionTolerance * (1 + Math.Abs(values[0])))
        {
            return false;
        }
        for (var i = 1; i <= n; i++)
        {
            for (var j = 0; j < simplex[0].Length; j++)
            {
                if (Math.Abs(simplex[i][j] - simplex[0][j]) > s.ParameterTolerance)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static void Sort(double[][] simplex, double[] values) => Array.Sort(values, simplex);

    private static double[] Project(double[] x, double[] lower, double[] upper)
    {
        var p = new double[x.Length];
        for (var j = 0; j < x.Length; j++)
        {
            p[j] = Math.Clamp(x[j], lower[j], upper[j]);
        }
        return p;
    }
}
