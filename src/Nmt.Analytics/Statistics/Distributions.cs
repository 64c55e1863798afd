using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Nmt.Analytics.Statistics;

/// <summary>
/// The one owner of tail probabilities and quantiles in the library (normal, t, χ², F), in one precision. Upper tails go
/// through the regularized incomplete gamma/beta functions directly, so tiny p-values (e.g. 1e-26) keep full relative
/// precision; t quantiles are refined by Newton steps to the precision of R's <c>qt</c>.
/// </summary>
public static class Distributions
{
    /// <summary>Standard normal quantile z such that P(Z ≤ z) = <paramref name="p"/>.</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>Standard normal CDF P(Z ≤ z).</summary>
    public static double NormalCdf(double z) => Normal.CDF(0, 1, z);

    /// <summary>The quantile z such that P(Z ≤ z) = 0.5 + confidence/2: the two-sided critical value of a normal interval.</summary>
    public static double NormalCritical(double confidence) => NormalQuantile(0.5 + (confidence / 2));

    /// <summary>The two-sided critical value of a t interval with <paramref name="df"/> df (normal when df is infinite).</summary>
    public static double TCritical(double confidence, double df) =>
        double.IsPositiveInfinity(df) ? NormalCritical(confidence) : TQuantile(0.5 + (confidence / 2), df);

    /// <summary>Two-sided normal p-value 2·P(Z ≥ |z|).</summary>
    public static double TwoSidedNormal(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>Upper tail P(χ²_df ≥ x).</summary>
    public static double ChiSquareUpper(double x, double df) =>
        x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2, x / 2);

    /// <summary>Quantile of χ²_df.</summary>
    public static double ChiSquareQuantile(double p, double df) => ChiSquared.InvCDF(df, p);

    /// <summary>Two-sided t p-value 2·P(T_df ≥ |t|); the normal p-value when df is infinite.</summary>
    public static double TwoSidedT(double t, double df) => double.IsPositiveInfinity(df)
        ? TwoSidedNormal(t)
        : SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));

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
