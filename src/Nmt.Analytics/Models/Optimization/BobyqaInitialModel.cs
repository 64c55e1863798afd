namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// The first interpolation set and quadratic model of <see cref="Bobyqa"/> (Powell's PRELIM; Powell 2009, sect. 2):
/// the start, then steps of ±ρ_beg along each coordinate (towards the feasible side at a bound), then, beyond 2n + 1
/// points, pairs of coordinate steps; the model's gradient and diagonal second derivatives come from these values by
/// finite differences, and B and Z (the factored inverse of the interpolation system) are known in closed form.
/// </summary>
internal static class BobyqaInitialModel
{
    /// <summary>Fills <paramref name="m"/> from evaluations at the initial points (fewer if the limit is reached).</summary>
    public static void Build(BobyqaModel m, Func<double[], double> eval, double[] x, double[] lower, double[] upper, double rhobeg, int maxEvaluations)
    {
        int n = m.N, npt = m.Npt;
        var rhosq = rhobeg * rhobeg;
        Array.Copy(x, m.XBase, n);
        double fbeg = 0, stepa = 0, stepb = 0;
        var point = new double[n];
        for (var p = 0; p < npt && m.Evaluations < maxEvaluations; p++)
        {
            int ipt = 0, jpt = 0;
            if (p >= 1 && p <= n)
            {
                var c = p - 1;
                stepa = m.SU[c] == 0 ? -rhobeg : rhobeg;
                m.Xpt[p, c] = stepa;
            }
            else if (p > n && p <= 2 * n)
            {
                var c = p - n - 1;
                stepa = m.Xpt[c + 1, c];
                stepb = -rhobeg;
                if (m.SL[c] == 0)
                {
                    stepb = Math.Min(2 * rhobeg, m.SU[c]);
                }
                if (m.SU[c] == 0)
                {
                    stepb = Math.Max(-2 * rhobeg, m.SL[c]);
                }
                m.Xpt[p, c] = stepb;
            }
            else if (p > 2 * n)
            {
                (ipt, jpt) = CoordinatePair(p, n);
                m.Xpt[p, ipt - 1] = m.Xpt[ipt, ipt - 1];
                m.Xpt[p, jpt - 1] = m.Xpt[jpt, jpt - 1];
            }
            for (var j = 0; j < n; j++)
            {
                point[j] = m.Xpt[p, j];
            }
            var f = eval(m.Absolute(point, lower, upper));
            m.FVal[p] = f;
            if (p == 0)
            {
                fbeg = f;
                m.KOpt = 0;
            }
            else if (f < m.FVal[m.KOpt])
            {
                m.KOpt = p;
            }
            if (p >= 1 && p <= n)
            {
                FirstStep(m, p, f, fbeg, stepa, rhosq);
            }
            else if (p > n && p <= 2 * n)
            {
                SecondStep(m, p, f, fbeg, stepa, stepb, rhosq);
            }
            else if (p > 2 * n)
            {
                var c = p - n - 1;
                var recip = 1 / rhosq;
                m.ZMat[0, c] = recip;
                m.ZMat[p, c] = recip;
                m.ZMat[ipt, c] = -recip;
                m.ZMat[jpt, c] = -recip;
                var t = m.Xpt[p, ipt - 1] * m.Xpt[p, jpt - 1];
                m.HQ[BobyqaModel.H(jpt - 1, ipt - 1)] = (fbeg - m.FVal[ipt] - m.FVal[jpt] + f) / t;
            }
        }
    }

    /// <summary>The two coordinates (1-based) of point p beyond 2n + 1, in Powell's order.</summary>
    private static (int Ipt, int Jpt) CoordinatePair(int p, int n)
    {
        var itemp = (p - n - 1) / n;
        var jpt = p - (itemp * n) - n;
        var ipt = jpt + itemp;
        if (ipt > n)
        {
            itemp = jpt;
            jpt = ipt - n;
            ipt = itemp;
        }
        return (ipt, jpt);
    }

    /// <summary>A step along coordinate p − 1: a forward-difference gradient component and, without a second step, B's entries.</summary>
    private static void FirstStep(BobyqaModel m, int p, double f, double fbeg, double stepa, double rhosq)
    {
        var c = p - 1;
        m.GOpt[c] = (f - fbeg) / stepa;
        if (m.Npt < p + 1 + m.N)
        {
            m.BMat[0, c] = -1 / stepa;
            m.BMat[p, c] = 1 / stepa;
            m.BMat[m.Npt + c, c] = -0.5 * rhosq;
        }
    }

    /// <summary>The second step along a coordinate: central-difference gradient and curvature, and B's and Z's entries.</summary>
    private static void SecondStep(BobyqaModel m, int p, double f, double fbeg, double stepa, double stepb, double rhosq)
    {
        var n = m.N;
        var c = p - n - 1;
        var t = (f - fbeg) / stepb;
        var diff = stepb - stepa;
        m.HQ[BobyqaModel.H(c, c)] = 2 * (t - m.GOpt[c]) / diff;
        m.GOpt[c] = ((m.GOpt[c] * stepb) - (t * stepa)) / diff;
        if (stepa * stepb < 0 && f < m.FVal[p - n])
        {
            // Keep the lower value at the point that enters the off-diagonal second derivatives.
            m.FVal[p] = m.FVal[p - n];
            m.FVal[p - n] = f;
            if (m.KOpt == p)
            {
                m.KOpt = p - n;
            }
            m.Xpt[p - n, c] = stepb;
            m.Xpt[p, c] = stepa;
        }
        m.BMat[0, c] = -(stepa + stepb) / (stepa * stepb);
        m.BMat[p, c] = -0.5 / m.Xpt[p - n, c];
        m.BMat[p - n, c] = -m.BMat[0, c] - m.BMat[p, c];
        m.ZMat[0, c] = Math.Sqrt(2) / (stepa * stepb);
        m.ZMat[p, c] = Math.Sqrt(0.5) / rhosq;
        m.ZMat[p - n, c] = -m.ZMat[0, c] - m.ZMat[p, c];
    }
}
