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
    /// P(T ≤ t) for T = (Z + δ)/√(V/ν), V ~ χ²(ν): the expectation over U = √V (a χ variable, whose density has no
    /// singularity at 0) of Φ(t·U/√ν − δ), integrated numerically by double-exponential quadrature on
    /// [max(0, √ν − 12), √ν + 12], split at the χ mode. Agrees with R's <c>pt(t, df, ncp)</c> to ~1e-10.
    /// </summary>
    public static double Cdf(double t, double df, double ncp)
    {
        var logNorm = ((df / 2) - 1) * Math.Log(2) + SpecialFunctions.GammaLn(df / 2);
        double Integrand(double u) => u <= 0
            ? 0
            : Math.Exp(((df - 1) * Math.Log(u)) - (u * u / 2) - logNorm) * Normal.CDF(0, 1, (t * u / Math.Sqrt(df)) - ncp);
        var mode = Math.Sqrt(Math.Max(df - 1, 0));
        var lower = Math.Max(0, Math.Sqrt(df) - 12);
        var upper = Math.Sqrt(df) + 12;
        var left = mode > lower ? Integrate.DoubleExponential(Integrand, lower, mode, 1e-14) : 0;
        return Math.Clamp(left + Integrate.DoubleExponential(Integrand, Math.Max(mode, lower), upper, 1e-14), 0, 1);
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
