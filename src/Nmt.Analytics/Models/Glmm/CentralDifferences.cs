namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// Gradient and Hessian by plain central differences with one absolute step, as lme4's <c>deriv12</c> (step 1e-4),
/// which <c>glmer</c> evaluates at its optimum and <c>vcov</c> inverts. Matching its step matters: glmer's deviance
/// (PIRLS stopped at a relative tolerance) is smooth only piecewise, so the same stencil gives the same curvature.
/// </summary>
internal static class CentralDifferences
{
    /// <summary>lme4's default step.</summary>
    public const double Step = 1e-4;

    /// <summary>Gradient and Hessian of <paramref name="f"/> at <paramref name="x"/>, whose value is <paramref name="fx"/>.</summary>
    public static (double[] Gradient, double[,] Hessian) Compute(Func<double[], double> f, double[] x, double fx)
    {
        var n = x.Length;
        var gradient = new double[n];
        var hessian = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var plus = f(Shift(x, (j, Step)));
            var minus = f(Shift(x, (j, -Step)));
            hessian[j, j] = (plus - (2 * fx) + minus) / (Step * Step);
            gradient[j] = (plus - minus) / (2 * Step);
            for (var i = 0; i < j; i++)
            {
                var value = f(Shift(x, (i, Step), (j, Step))) - f(Shift(x, (i, Step), (j, -Step)))
                    - f(Shift(x, (i, -Step), (j, Step))) + f(Shift(x, (i, -Step), (j, -Step)));
                hessian[i, j] = hessian[j, i] = value / (4 * Step * Step);
            }
        }
        return (gradient, hessian);
    }

    private static double[] Shift(double[] x, params (int Index, double By)[] moves)
    {
        var y = (double[])x.Clone();
        foreach (var (index, by) in moves)
        {
            y[index] += by;
        }
        return y;
    }
}
