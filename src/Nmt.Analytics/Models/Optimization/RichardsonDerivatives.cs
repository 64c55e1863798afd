namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// First and second derivatives of a vector-valued function by central differences with Richardson extrapolation
/// (as R's numDeriv <c>genD</c>, which lmerTest uses, but with one step halving instead of three). The first step is 1e-3·max(|x|, 0.1) rather
/// than numDeriv's 1e-4·|x|: with four levels of extrapolation the truncation error is negligible either way, and the
/// larger step keeps round-off (amplified by 1/h² in second differences) well below the 1e-5 level.
/// </summary>
internal static class RichardsonDerivatives
{
    private const double RelativeStep = 1e-3;
    private const double MinimumScale = 0.1;
    private const int Steps = 2;

    /// <summary>Returns ∂f/∂xᵢ as <c>first[i][m]</c> and ∂²f/∂xᵢ∂xⱼ as <c>second[i, j][m]</c>.</summary>
    public static (double[][] First, double[,][] Second) Compute(Func<double[], double[]> f, double[] x)
    {
        var k = x.Length;
        var f0 = f(x);
        var h0 = x.Select(v => RelativeStep * Math.Max(Math.Abs(v), MinimumScale)).ToArray();
        var first = new double[k][];
        var second = new double[k, k][];
        for (var i = 0; i < k; i++)
        {
            var d1 = new double[Steps][];
            var d2 = new double[Steps][];
            for (var s = 0; s < Steps; s++)
            {
                var h = h0[i] / Math.Pow(2, s);
                var fp = f(Shift(x, i, h));
                var fm = f(Shift(x, i, -h));
                d1[s] = fp.Select((v, m) => (v - fm[m]) / (2 * h)).ToArray();
                d2[s] = fp.Select((v, m) => (v - (2 * f0[m]) + fm[m]) / (h * h)).ToArray();
            }
            first[i] = Extrapolate(d1);
            second[i, i] = Extrapolate(d2);
        }
        for (var i = 0; i < k; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                var d = new double[Steps][];
                for (var s = 0; s < Steps; s++)
                {
                    var hi = h0[i] / Math.Pow(2, s);
                    var hj = h0[j] / Math.Pow(2, s);
                    var fpp = f(Shift(Shift(x, i, hi), j, hj));
                    var fpm = f(Shift(Shift(x, i, hi), j, -hj));
                    var fmp = f(Shift(Shift(x, i, -hi), j, hj));
                    var fmm = f(Shift(Shift(x, i, -hi), j, -hj));
                    d[s] = fpp.Select((v, m) => (v - fpm[m] - fmp[m] + fmm[m]) / (4 * hi * hj)).ToArray();
                }
                second[i, j] = Extrapolate(d);
                second[j, i] = second[i, j];
            }
        }
        return (first, second);
    }

    private static double[] Shift(double[] x, int i, double h)
    {
        var y = (double[])x.Clone();
        y[i] += h;
        return y;
    }

    /// <summary>Richardson extrapolation of estimates whose error is a series in h² (step halved each time).</summary>
    private static double[] Extrapolate(double[][] a)
    {
        var cur = a.Select(v => (double[])v.Clone()).ToArray();
        for (var m = 1; m < cur.Length; m++)
        {
            var factor = Math.Pow(4, m);
            for (var s = 0; s < cur.Length - m; s++)
            {
                for (var e = 0; e < cur[s].Length; e++)
                {
                    cur[s][e] = ((cur[s + 1][e] * factor) - cur[s][e]) / (factor - 1);
                }
            }
        }
        return cur[0];
    }
}
