namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// Bound-constrained derivative-free minimisation by BOBYQA (Powell 2009, "The BOBYQA algorithm for bound
/// constrained optimization without derivatives", DAMTP 2009/NA06): a trust-region method on a quadratic model that
/// interpolates the objective at 2n + 1 points, updated one point at a time by least Frobenius-norm change of its
/// second derivatives. It is the optimiser lme4 uses for mixed models (through NLopt or minqa). Written from the
/// report and the structure of Powell's Fortran (BOBYQB, PRELIM, TRSBOX, ALTMOV, UPDATE), whose control flow it
/// keeps; Powell's RESCUE, which rebuilds the interpolation set after severe cancellation, is not implemented — such a
/// run stops with <see cref="BobyqaStop.NumericalDifficulty"/> at its best point. Infinite bounds are allowed.
/// </summary>
public static class Bobyqa
{
    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/> within [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <param name="objective">The function to minimise; NaN is treated as +∞.</param>
    /// <param name="start">Starting point (at least two variables).</param>
    /// <param name="lower">Lower bounds (−∞ for none).</param>
    /// <param name="upper">Upper bounds (+∞ for none); null for none at all.</param>
    /// <param name="settings">Radii and limits; minqa's defaults if null.</param>
    /// <returns>The best point, its value, the evaluations used and why the search stopped.</returns>
    /// <exception cref="ArgumentException">Fewer than two variables, or bounds closer than 2ρ_beg.</exception>
    public static (OptimizationResult Result, BobyqaStop Stop) Minimize(
        Func<double[], double> objective, double[] start, double[] lower, double[]? upper = null, BobyqaSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(lower);
        var n = start.Length;
        if (n < 2)
        {
            throw new ArgumentException("BOBYQA needs at least two variables.", nameof(start));
        }
        settings ??= new BobyqaSettings();
        upper ??= Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var rhobeg = settings.InitialRadius ?? Math.Max(0.02, Math.Min(0.95, 0.2 * start.Max(Math.Abs)));
        var rhoend = settings.FinalRadius ?? 1e-6 * rhobeg;
        var npt = settings.InterpolationPoints ?? (2 * n) + 1;
        if (npt < n + 2 || npt > (n + 1) * (n + 2) / 2)
        {
            throw new ArgumentException($"The number of interpolation points must lie in [{n + 2}, {(n + 1) * (n + 2) / 2}].", nameof(settings));
        }
        var model = new BobyqaModel(n, npt);
        var x = StartInsideBounds(model, start, lower, upper, rhobeg);
        double Eval(double[] point)
        {
            model.Evaluations++;
            var v = objective(point);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }
        var search = new BobyqaSearch(model, Eval, lower, upper, rhobeg, rhoend, settings.MaxEvaluations);
        return search.Run(x);
    }

    /// <summary>
    /// Sets the bounds relative to the start, moving a start that lies within ρ_beg of a bound onto the bound or to
    /// distance ρ_beg from it, so that the initial interpolation points are feasible (Powell's driver BOBYQA).
    /// </summary>
    private static double[] StartInsideBounds(BobyqaModel m, double[] start, double[] lower, double[] upper, double rhobeg)
    {
        var x = (double[])start.Clone();
        for (var j = 0; j < x.Length; j++)
        {
            var width = upper[j] - lower[j];
            if (width < 2 * rhobeg)
            {
                throw new ArgumentException($"The bounds of variable {j + 1} are closer than twice the initial radius {rhobeg}.", nameof(lower));
            }
            m.SL[j] = lower[j] - x[j];
            m.SU[j] = upper[j] - x[j];
            if (m.SL[j] >= -rhobeg)
            {
                if (m.SL[j] >= 0)
                {
                    x[j] = lower[j];
                    m.SL[j] = 0;
                    m.SU[j] = width;
                }
                else
                {
                    x[j] = lower[j] + rhobeg;
                    m.SL[j] = -rhobeg;
                    m.SU[j] = Math.Max(upper[j] - x[j], rhobeg);
                }
            }
            else if (m.SU[j] <= rhobeg)
            {
                if (m.SU[j] <= 0)
                {
                    x[j] = upper[j];
                    m.SL[j] = -width;
                    m.SU[j] = 0;
                }
                else
                {
                    x[j] = upper[j] - rhobeg;
                    m.SL[j] = Math.Min(lower[j] - x[j], -rhobeg);
                    m.SU[j] = rhobeg;
                }
            }
        }
        return x;
    }
}
