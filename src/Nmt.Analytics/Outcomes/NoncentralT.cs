using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;

namespace Nmt.Analytics.Outcomes;

/// <summary>
/// The noncentral t distribution's CDF and the confidence interval for its noncentrality parameter by
/// inverting the CDF (Steiger &amp; Fouladi 1997; as MBESS <c>conf.limits.nct</c>), used for standardized mean CIs.
/// </summary>
public static class NoncentralT
{
    /// <summary>
    /// P(T ≤ t) for T = (Z + δ)/√(V/ν), V ~ χ²(ν): the expectation over V of Φ(t·√(V/ν) − δ),
    /// integrated numerically (double-exponential quadrature). Agrees with R's <c>pt(t, df, ncp)</c> to ~1e-9.
    /// </summary>
    public static double Cdf(double t, double df, double ncp)
    {
        var chi = new ChiSquared(df);
        var centre = df;
        var spread = 12 * Math.Sqrt(2 * df) + 20;
        var upper = centre + spread;
        double Integrand(double v) => chi.Density(v) * Normal.CDF(0, 1, (t * Math.Sqrt(v / df)) - ncp);
        // Split at the χ² mode so the quadrature sees the peak.
        var mode = Math.Max(df - 2, 0);
        var left = mode > 0 ? Integrate.DoubleExponential(Integrand, 0, mode, 1e-13) : 0;
        return Math.Clamp(left + Integrate.DoubleExponential(Integrand, mode, upper, 1e-13), 0, 1);
    }

    /// <summary>
    /// The (lower, upper) noncentrality parameters δ with P(T ≤ t | δ_low) = 1 − α/2 and P(T ≤ t | δ_high) = α/2.
    /// </summary>
    public static (double Low, double High) NcpInterval(double t, double df, double confidence = 0.95)
    {
        var alpha = 1 - confidence;
        return (SolveNcp(t, df, 1 - (alpha / 2)), SolveNcp(t, df, alpha / 2));
    }

    private static double SolveNcp(double t, double df, double probability)
    {
        double F(double ncp) => Cdf(t, df, ncp) - probability;
        // The CDF decreases in δ; widen the bracket around t until it changes sign.
        var (lo, hi) = (t - 5, t + 5);
        for (var i = 0; i < 60 && F(lo) < 0; i++)
        {
            lo -= 5 * (i + 1);
        }
        for (var i = 0; i < 60 && F(hi) > 0; i++)
        {
            hi += 5 * (i + 1);
        }
        return Brent.FindRoot(F, lo, hi, 1e-10, 200);
    }
}
