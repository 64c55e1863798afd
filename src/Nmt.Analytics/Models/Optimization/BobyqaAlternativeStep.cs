namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// The geometry step of <see cref="Bobyqa"/> (Powell's ALTMOV; Powell 2009, sect. 3): two candidate new positions for
/// the interpolation point that is moved, both feasible and within distance Δ of xopt, chosen to make the next
/// update's denominator large: <see cref="BobyqaModel.XNew"/> on a line through xopt and another interpolation point,
/// and <see cref="BobyqaModel.XAlt"/> along a bounded Cauchy step of that point's Lagrange function.
/// </summary>
internal static class BobyqaAlternativeStep
{
    /// <summary>Returns α (the knew-th diagonal element of H) and the squared Lagrange value at XAlt (0 when XAlt was not computed).</summary>
    public static (double Alpha, double Cauchy) Choose(BobyqaModel m, int knew, double adelt)
    {
        int n = m.N, npt = m.Npt;
        var hcol = new double[npt];
        for (var j = 0; j < m.Nptm; j++)
        {
            var t = m.ZMat[knew, j];
            for (var k = 0; k < npt; k++)
            {
                hcol[k] += t * m.ZMat[k, j];
            }
        }
        var alpha = hcol[knew];
        var glag = new double[n];
        for (var i = 0; i < n; i++)
        {
            glag[i] = m.BMat[knew, i];
        }
        for (var k = 0; k < npt; k++)
        {
            var t = hcol[k] * m.XptDot(k, m.XOpt);
            for (var i = 0; i < n; i++)
            {
                glag[i] += t * m.Xpt[k, i];
            }
        }
        LineStep(m, knew, adelt, glag, 0.5 * alpha);
        return (alpha, CauchyStep(m, adelt, glag, hcol));
    }

    /// <summary>XNew: the best point on the lines through xopt and the other interpolation points, by predicted denominator.</summary>
    private static void LineStep(BobyqaModel m, int knew, double adelt, double[] glag, double ha)
    {
        int n = m.N, ksav = 0, ibdsav = 0;
        double presav = 0, stpsav = 0;
        for (var k = 0; k < m.Npt; k++)
        {
            if (k == m.KOpt)
            {
                continue;
            }
            double dderiv = 0, distsq = 0;
            for (var i = 0; i < n; i++)
            {
                var t = m.Xpt[k, i] - m.XOpt[i];
                dderiv += glag[i] * t;
                distsq += t * t;
            }
            var subd = adelt / Math.Sqrt(distsq);
            var slbd = -subd;
            int ilbd = 0, iubd = 0;
            var sumin = Math.Min(1, subd);
            // Bound indices are signed and 1-based: −(i+1) for the lower bound of variable i, +(i+1) for its upper bound.
            for (var i = 0; i < n; i++)
            {
                var t = m.Xpt[k, i] - m.XOpt[i];
                if (t > 0)
                {
                    if (slbd * t < m.SL[i] - m.XOpt[i])
                    {
                        slbd = (m.SL[i] - m.XOpt[i]) / t;
                        ilbd = -(i + 1);
                    }
                    if (subd * t > m.SU[i] - m.XOpt[i])
                    {
                        subd = Math.Max(sumin, (m.SU[i] - m.XOpt[i]) / t);
                        iubd = i + 1;
                    }
                }
                else if (t < 0)
                {
                    if (slbd * t > m.SU[i] - m.XOpt[i])
                    {
                        slbd = (m.SU[i] - m.XOpt[i]) / t;
                        ilbd = i + 1;
                    }
                    if (subd * t < m.SL[i] - m.XOpt[i])
                    {
                        subd = Math.Max(sumin, (m.SL[i] - m.XOpt[i]) / t);
                        iubd = -(i + 1);
                    }
                }
            }
            var (step, vlag, isbd) = k == knew
                ? AlongOwnLine(dderiv, slbd, subd, ilbd, iubd)
                : AlongOtherLine(dderiv, slbd, subd, ilbd, iubd);
            var spread = step * (1 - step) * distsq;
            var predsq = vlag * vlag * ((vlag * vlag) + (ha * spread * spread));
            if (predsq > presav)
            {
                presav = predsq;
                ksav = k;
                stpsav = step;
                ibdsav = isbd;
            }
        }
        for (var i = 0; i < n; i++)
        {
            var t = m.XOpt[i] + (stpsav * (m.Xpt[ksav, i] - m.XOpt[i]));
            m.XNew[i] = Math.Max(m.SL[i], Math.Min(m.SU[i], t));
        }
        if (ibdsav < 0)
        {
            m.XNew[-ibdsav - 1] = m.SL[-ibdsav - 1];
        }
        if (ibdsav > 0)
        {
            m.XNew[ibdsav - 1] = m.SU[ibdsav - 1];
        }
    }

    /// <summary>On the line through xopt and the moved point itself: the Lagrange function is a quadratic in the step.</summary>
    private static (double Step, double Vlag, int Bound) AlongOwnLine(double dderiv, double slbd, double subd, int ilbd, int iubd)
    {
        var diff = dderiv - 1;
        double step = slbd, vlag = slbd * (dderiv - (slbd * diff));
        var isbd = ilbd;
        var t = subd * (dderiv - (subd * diff));
        if (Math.Abs(t) > Math.Abs(vlag))
        {
            step = subd;
            vlag = t;
            isbd = iubd;
        }
        var tempd = 0.5 * dderiv;
        var tempa = tempd - (diff * slbd);
        var tempb = tempd - (diff * subd);
        if (tempa * tempb < 0)
        {
            t = tempd * tempd / diff;
            if (Math.Abs(t) > Math.Abs(vlag))
            {
                step = tempd / diff;
                vlag = t;
                isbd = 0;
            }
        }
        return (step, vlag, isbd);
    }

    /// <summary>On a line through xopt and another point, where the moved point's Lagrange function is step·(1 − step)·dderiv.</summary>
    private static (double Step, double Vlag, int Bound) AlongOtherLine(double dderiv, double slbd, double subd, int ilbd, int iubd)
    {
        double step = slbd, vlag = slbd * (1 - slbd);
        var isbd = ilbd;
        var t = subd * (1 - subd);
        if (Math.Abs(t) > Math.Abs(vlag))
        {
            step = subd;
            vlag = t;
            isbd = iubd;
        }
        if (subd > 0.5 && Math.Abs(vlag) < 0.25)
        {
            step = 0.5;
            vlag = 0.25;
            isbd = 0;
        }
        return (step, vlag * dderiv, isbd);
    }

    /// <summary>XAlt: the bounded Cauchy step of the Lagrange function, uphill and downhill, whichever gives the larger square.</summary>
    private static double CauchyStep(BobyqaModel m, double adelt, double[] glag, double[] hcol)
    {
        int n = m.N;
        var w = new double[n];
        var saved = new double[n];
        var bigstp = adelt + adelt;
        var csave = 0.0;
        for (var pass = 0; pass < 2; pass++)
        {
            double wfixsq = 0, ggfree = 0;
            for (var i = 0; i < n; i++)
            {
                w[i] = 0;
                var tempa = Math.Min(m.XOpt[i] - m.SL[i], glag[i]);
                var tempb = Math.Max(m.XOpt[i] - m.SU[i], glag[i]);
                if (tempa > 0 || tempb < 0)
                {
                    w[i] = bigstp;
                    ggfree += glag[i] * glag[i];
                }
            }
            if (ggfree == 0)
            {
                return 0;
            }
            var step = 0.0;
            while (true)
            {
                var room = (adelt * adelt) - wfixsq;
                if (room <= 0)
                {
                    break;
                }
                var wsqsav = wfixsq;
                step = Math.Sqrt(room / ggfree);
                ggfree = 0;
                for (var i = 0; i < n; i++)
                {
                    if (w[i] == bigstp)
                    {
                        var t = m.XOpt[i] - (step * glag[i]);
                        if (t <= m.SL[i])
                        {
                            w[i] = m.SL[i] - m.XOpt[i];
                            wfixsq += w[i] * w[i];
                        }
                        else if (t >= m.SU[i])
                        {
                            w[i] = m.SU[i] - m.XOpt[i];
                            wfixsq += w[i] * w[i];
                        }
                        else
                        {
                            ggfree += glag[i] * glag[i];
                        }
                    }
                }
                if (!(wfixsq > wsqsav && ggfree > 0))
                {
                    break;
                }
            }
            var gw = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (w[i] == bigstp)
                {
                    w[i] = -step * glag[i];
                    m.XAlt[i] = Math.Max(m.SL[i], Math.Min(m.SU[i], m.XOpt[i] + w[i]));
                }
                else if (w[i] == 0)
                {
                    m.XAlt[i] = m.XOpt[i];
                }
                else
                {
                    m.XAlt[i] = glag[i] > 0 ? m.SL[i] : m.SU[i];
                }
                gw += glag[i] * w[i];
            }
            var curv = 0.0;
            for (var k = 0; k < m.Npt; k++)
            {
                var t = m.XptDot(k, w);
                curv += hcol[k] * t * t;
            }
            if (pass == 1)
            {
                curv = -curv;
            }
            double cauchy;
            if (curv > -gw && curv < -(1 + Math.Sqrt(2)) * gw)
            {
                var scale = -gw / curv;
                for (var i = 0; i < n; i++)
                {
                    m.XAlt[i] = Math.Max(m.SL[i], Math.Min(m.SU[i], m.XOpt[i] + (scale * w[i])));
                }
                cauchy = 0.5 * gw * scale * (0.5 * gw * scale);
            }
            else
            {
                cauchy = (gw + (0.5 * curv)) * (gw + (0.5 * curv));
            }
            if (pass == 0)
            {
                for (var i = 0; i < n; i++)
                {
                    glag[i] = -glag[i];
                    saved[i] = m.XAlt[i];
                }
                csave = cauchy;
            }
            else if (csave > cauchy)
            {
                Array.Copy(saved, m.XAlt, n);
                return csave;
            }
            else
            {
                return cauchy;
            }
        }
        return 0;
    }
}
