using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Nmt.Analytics.Evidence;

/// <summary>
/// Tail probabilities and quantiles used by the meta-analysis code. Upper tails go through the regularized
/// incomplete gamma/beta functions directly, so tiny p-values (e.g. 1e-26 for Q) keep full relative precision.
/// </summary>
internal static class Probability
{
    /// <summary>Standard normal quantile z such that P(Z ≤ z) = <paramref name="p"/>.</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>Two-sided normal p-value 2·P(Z ≥ |z|).</summary>
    public static double TwoSidedNormal(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>Upper tail P(χ²_df ≥ x).</summary>
    public static double ChiSquareUpper(double x, double df) =>
        x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2, x / 2);

    /// <summary>Quantile of χ²_df.</summary>
    public static double ChiSquareQuantile(double p, double df) => ChiSquared.InvCDF(df, p);

    /// <summary>Two-sided t p-value 2·P(T_df ≥ |t|).</summary>
    public static double TwoSidedT(double t, double df) =>
        SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));

    /// <summary>Quantile of Student's t with <paramref name="df"/> degrees of freedom (refined by Newton steps).</summary>
    public static double TQuantile(double p, double df)
    {
        var x = StudentT.InvCDF(0, 1, df, p);
        for (var i = 0; i < 4; i++)
        {
            var tail = 0.5 * TwoSidedT(x, df);
            var cdf = x < 0 ? tail : 1 - tail;
            var density = StudentT.PDF(0, 1, df, x);
            if (density <= 0)
            {
                break;
            }
            x -= (cdf - p) / density;
        }
        return x;
    }

    /// <summary>Upper tail P(F_{d1,d2} ≥ f).</summary>
    public static double FUpper(double f, double d1, double d2) =>
        f <= 0 ? 1 : SpecialFunctions.BetaRegularized(d2 / 2, d1 / 2, d2 / (d2 + (d1 * f)));
}
