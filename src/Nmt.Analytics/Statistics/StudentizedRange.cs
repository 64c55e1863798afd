using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Nmt.Analytics.Statistics;

/// <summary>
/// The studentized range distribution (Tukey's HSD), as R's <c>ptukey</c>/<c>qtukey</c> compute it: the algorithm of
/// Copenhaver &amp; Holland (1988), "Computation of the distribution of the maximum studentized range statistic with
/// application to multiple significance testing of simple effects", J. Statist. Comput. Simul. 30, 1–15 —
/// Gauss–Legendre quadrature of the range probability over the normal (16 nodes) and of the χ/√df mixing density
/// (16 nodes on intervals of df-dependent length), with the secant search of R's qtukey (Odeh &amp; Evans' start).
/// </summary>
public static class StudentizedRange
{
    private static readonly double[] RangeNodes =
    [
        0.981560634246719250690549090149, 0.904117256370474856678465866119, 0.769902674194304687036893833213,
        0.587317954286617447296702418941, 0.367831498998180193752691536644, 0.125233408511468915472441369464,
    ];

    private static readonly double[] RangeWeights =
    [
        0.047175336386511827194615961485, 0.106939325995318430960254718194, 0.160078328543346226334652529543,
        0.203167426723065921749064455810, 0.233492536538354808760849898925, 0.249147045813402785000562436043,
    ];

    private static readonly double[] DfNodes =
    [
        0.989400934991649932596154173450, 0.944575023073232576077988415535, 0.865631202387831743880467897712,
        0.755404408355003033895101194847, 0.617876244402643748446671764049, 0.458016777657227386342419442984,
        0.281603550779258913230460501460, 0.950125098376374401853193354250e-1,
    ];

    private static readonly double[] DfWeights =
    [
        0.271524594117540948517805724560e-1, 0.622535239386478928628438369944e-1, 0.951585116824927848099251076022e-1,
        0.124628971255533872052476282192, 0.149595988816576732081501730547, 0.169156519395002538189312079030,
        0.182603415044923588866763667969, 0.189450610455068496285396723208,
    ];

    /// <summary>
    /// P(Q ≤ q) for the range of <paramref name="means"/> standard normal means studentized by a χ with
    /// <paramref name="df"/> degrees of freedom (df = ∞ gives the normal-theory range), over <paramref name="ranges"/>
    /// independent groups (1 for Tukey's test). R: <c>ptukey(q, nmeans, df, nranges)</c>.
    /// </summary>
    public static double Cdf(double q, int means, double df, int ranges = 1)
    {
        if (double.IsNaN(q) || double.IsNaN(df) || df < 2 || ranges < 1 || means < 2)
        {
            return double.NaN;
        }
        if (q <= 0)
        {
            return 0;
        }
        if (double.IsPositiveInfinity(q))
        {
            return 1;
        }
        if (df > 25000)
        {
            return RangeProbability(q, ranges, means);
        }
        return Math.Min(1, MixOverDf(q, ranges, means, df));
    }

    /// <summary>P(Q &gt; q), the Tukey-adjusted p-value of a studentized range <paramref name="q"/>.</summary>
    public static double UpperTail(double q, int means, double df, int ranges = 1) => 1 - Cdf(q, means, df, ranges);

    /// <summary>The <paramref name="probability"/> quantile (R's <c>qtukey</c>, secant iterations to 1e-4 as R).</summary>
    public static double Quantile(double probability, int means, double df, int ranges = 1)
    {
        if (probability is <= 0 or >= 1 || df < 2 || means < 2)
        {
            return probability == 0 ? 0 : probability == 1 ? double.PositiveInfinity : double.NaN;
        }
        var x0 = StartingValue(probability, means, df);
        var f0 = Cdf(x0, means, df, ranges) - probability;
        var x1 = f0 > 0 ? Math.Max(0, x0 - 1) : x0 + 1;
        var f1 = Cdf(x1, means, df, ranges) - probability;
        for (var iteration = 1; iteration < 50; iteration++)
        {
            var next = x1 - (f1 * (x1 - x0) / (f1 - f0));
            (x0, f0) = (x1, f1);
            if (next < 0)
            {
                next = 0;
            }
            f1 = Cdf(next, means, df, ranges) - probability;
            x1 = next;
            if (Math.Abs(x1 - x0) < 1e-4)
            {
                break;
            }
        }
        return x1;
    }

    /// <summary>Integrates the range probability against the density of χ/√df (R ptukey.c's outer loop).</summary>
    private static double MixOverDf(double q, int ranges, int means, double df)
    {
        var f2 = df * 0.5;
        var ulen = df <= 100 ? 1.0 : df <= 800 ? 0.5 : df <= 5000 ? 0.25 : 0.125;
        var f2lf = (f2 * Math.Log(df)) - (df * Math.Log(2)) - SpecialFunctions.GammaLn(f2) + Math.Log(ulen);
        var f21 = f2 - 1.0;
        var ff4 = df * 0.25;
        var total = 0.0;
        for (var i = 1; i <= 50; i++)
        {
            var sum = 0.0;
            var twa1 = ((2 * i) - 1) * ulen;
            for (var jj = 1; jj <= 16; jj++)
            {
                var upper = jj > 8;
                var j = upper ? jj - 9 : jj - 1;
                var offset = DfNodes[j] * ulen * (upper ? 1 : -1);
                var t1 = f2lf + (f21 * Math.Log(twa1 + offset)) - ((twa1 + offset) * ff4);
                if (t1 >= -30)
                {
                    var scaled = q * Math.Sqrt((twa1 + offset) * 0.5);
                    sum += RangeProbability(scaled, ranges, means) * DfWeights[j] * Math.Exp(t1);
                }
            }
            if (i * ulen >= 1.0 && sum <= 1e-14)
            {
                break;
            }
            total += sum;
        }
        return total;
    }

    /// <summary>P(range of <paramref name="means"/> standard normals ≤ w), raised to <paramref name="ranges"/> (R's wprob).</summary>
    private static double RangeProbability(double w, int ranges, int means)
    {
        const double upperLimit = 8;
        var qsqz = w * 0.5;
        if (qsqz >= upperLimit)
        {
            return 1.0;
        }
        var pr = (2 * Normal.CDF(0, 1, qsqz)) - 1;
        pr = pr >= 1 ? 1 : Math.Pow(pr, means);
        var intervals = w > 3 ? 2 : 3;
        var low = qsqz;
        var step = (upperLimit - qsqz) / intervals;
        var high = low + step;
        var cc1 = means - 1.0;
        var floor = Math.Exp(-30 / cc1);
        for (var wi = 1; wi <= intervals; wi++)
        {
            var sum = 0.0;
            var a = 0.5 * (high + low);
            var b = 0.5 * (high - low);
            for (var jj = 1; jj <= 12; jj++)
            {
                var upper = jj > 6;
                var j = upper ? 12 - jj : jj - 1;
                var ac = a + (b * (upper ? RangeNodes[j] : -RangeNodes[j]));
                var exponent = ac * ac;
                if (exponent > 60)
                {
                    break;
                }
                var inner = Normal.CDF(0, 1, ac) - Normal.CDF(w, 1, ac);
                if (inner >= floor)
                {
                    sum += RangeWeights[j] * Math.Exp(-0.5 * exponent) * Math.Pow(inner, cc1);
                }
            }
            pr += sum * 2 * b * means / Math.Sqrt(2 * Math.PI);
            low = high;
            high += step;
        }
        if (pr <= Math.Exp(-30.0 / ranges))
        {
            return 0;
        }
        pr = Math.Pow(pr, ranges);
        return pr >= 1 ? 1 : pr;
    }

    /// <summary>Initial value for the quantile search (R's qinv, after Odeh &amp; Evans 1974).</summary>
    private static double StartingValue(double p, int means, double df)
    {
        var ps = 0.5 - (0.5 * p);
        var yi = Math.Sqrt(Math.Log(1.0 / (ps * ps)));
        var t = yi + ((((((((yi * -0.453642210148e-04) - 0.204231210125) * yi) - 0.342242088547) * yi) - 1.0) * yi) + 0.322232421088)
            / ((((((((yi * 0.38560700634e-02) + 0.103537752850) * yi) + 0.531103462366) * yi) + 0.588581570495) * yi) + 0.993484626060e-01);
        if (df < 120)
        {
            t += ((t * t * t) + t) / df / 4.0;
        }
        var q = 0.8832 - (0.2368 * t);
        if (df < 120)
        {
            q += (-1.214 / df) + (1.208 * t / df);
        }
        return t * ((q * Math.Log(means - 1.0)) + 1.4142);
    }
}
