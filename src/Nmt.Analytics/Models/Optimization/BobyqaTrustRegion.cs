namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// The trust-region subproblem of <see cref="Bobyqa"/> (Powell's TRSBOX; Powell 2009, sect. 3): approximately
/// minimises the quadratic model within distance Δ of xopt and within the bounds, by a truncated conjugate-gradient
/// method that fixes each variable reaching a bound and restarts, followed, once the step reaches the trust-region
/// boundary, by rotations in the plane of the step and the reduced gradient that stay on the boundary.
/// </summary>
internal static class BobyqaTrustRegion
{
    /// <summary>
    /// Sets <see cref="BobyqaModel.XNew"/> and <see cref="BobyqaModel.D"/>; <paramref name="gnew"/> receives the model's
    /// gradient at the new point. Returns the least curvature met by unconstrained CG steps (0 when the step reached
    /// the trust-region boundary, −1 when every step was constrained) and the step's squared length.
    /// </summary>
    public static (double CurvatureMin, double StepSquared) Solve(BobyqaModel m, double delta, double[] gnew)
    {
        var n = m.N;
        var xbdi = new double[n];
        var s = new double[n];
        var hs = new double[n];
        var hred = new double[n];
        int iterc = 0, nact = 0, itermax = 0, itcsav = 0, iact;
        double beta, stepsq, gredsq = 0, ggsav, qred = 0, sdec, dredsq = 0, dredg = 0, sredg = 0, angbd, xsav = 0;
        for (var i = 0; i < n; i++)
        {
            if (m.XOpt[i] <= m.SL[i] && m.GOpt[i] >= 0)
            {
                xbdi[i] = -1;
            }
            else if (m.XOpt[i] >= m.SU[i] && m.GOpt[i] <= 0)
            {
                xbdi[i] = 1;
            }
            if (xbdi[i] != 0)
            {
                nact++;
            }
            m.D[i] = 0;
            gnew[i] = m.GOpt[i];
        }
        var delsq = delta * delta;
        var crvmin = -1.0;

        // Conjugate-gradient phase: steepest descent on a (re)start, conjugate directions after.
    Restart:
        beta = 0;
    Direction:
        stepsq = 0;
        for (var i = 0; i < n; i++)
        {
            s[i] = xbdi[i] != 0 ? 0 : beta == 0 ? -gnew[i] : (beta * s[i]) - gnew[i];
            stepsq += s[i] * s[i];
        }
        if (stepsq == 0)
        {
            goto Finish;
        }
        if (beta == 0)
        {
            gredsq = stepsq;
            itermax = iterc + n - nact;
        }
        if (gredsq * delsq <= 1e-4 * qred * qred)
        {
            goto Finish;
        }
        m.HessianTimes(s, hs);
        double resid = delsq, ds = 0, shs = 0;
        for (var i = 0; i < n; i++)
        {
            if (xbdi[i] == 0)
            {
                resid -= m.D[i] * m.D[i];
                ds += s[i] * m.D[i];
                shs += s[i] * hs[i];
            }
        }
        if (resid <= 0)
        {
            goto Boundary;
        }
        var root = Math.Sqrt((stepsq * resid) + (ds * ds));
        var blen = ds < 0 ? (root - ds) / stepsq : resid / (root + ds);
        var stplen = shs > 0 ? Math.Min(blen, gredsq / shs) : blen;
        iact = -1;
        for (var i = 0; i < n; i++)
        {
            if (s[i] != 0)
            {
                var xsum = m.XOpt[i] + m.D[i];
                var room = s[i] > 0 ? (m.SU[i] - xsum) / s[i] : (m.SL[i] - xsum) / s[i];
                if (room < stplen)
                {
                    stplen = room;
                    iact = i;
                }
            }
        }
        sdec = 0;
        ggsav = gredsq;
        if (stplen > 0)
        {
            iterc++;
            var curvature = shs / stepsq;
            if (iact < 0 && curvature > 0)
            {
                crvmin = crvmin == -1 ? curvature : Math.Min(crvmin, curvature);
            }
            gredsq = 0;
            for (var i = 0; i < n; i++)
            {
                gnew[i] += stplen * hs[i];
                if (xbdi[i] == 0)
                {
                    gredsq += gnew[i] * gnew[i];
                }
                m.D[i] += stplen * s[i];
            }
            sdec = Math.Max(stplen * (ggsav - (0.5 * stplen * shs)), 0);
            qred += sdec;
        }
        if (iact >= 0)
        {
            nact++;
            xbdi[iact] = s[iact] < 0 ? -1 : 1;
            delsq -= m.D[iact] * m.D[iact];
            if (delsq <= 0)
            {
                goto Boundary;
            }
            goto Restart;
        }
        if (stplen < blen)
        {
            if (iterc == itermax || sdec <= 0.01 * qred)
            {
                goto Finish;
            }
            beta = gredsq / ggsav;
            goto Direction;
        }

        // The step is on the trust-region boundary: rotate it in the plane of d and the reduced gradient.
    Boundary:
        crvmin = 0;
    Reduced:
        if (nact >= n - 1)
        {
            goto Finish;
        }
        dredsq = 0;
        dredg = 0;
        gredsq = 0;
        for (var i = 0; i < n; i++)
        {
            if (xbdi[i] == 0)
            {
                dredsq += m.D[i] * m.D[i];
                dredg += m.D[i] * gnew[i];
                gredsq += gnew[i] * gnew[i];
                s[i] = m.D[i];
            }
            else
            {
                s[i] = 0;
            }
        }
        itcsav = iterc;
        m.HessianTimes(s, hred);
    Rotate:
        iterc++;
        var plane = (gredsq * dredsq) - (dredg * dredg);
        if (plane <= 1e-4 * qred * qred)
        {
            goto Finish;
        }
        plane = Math.Sqrt(plane);
        for (var i = 0; i < n; i++)
        {
            s[i] = xbdi[i] == 0 ? ((dredg * m.D[i]) - (dredsq * gnew[i])) / plane : 0;
        }
        sredg = -plane;
        angbd = 1;
        iact = -1;
        for (var i = 0; i < n; i++)
        {
            if (xbdi[i] != 0)
            {
                continue;
            }
            var tempa = m.XOpt[i] + m.D[i] - m.SL[i];
            var tempb = m.SU[i] - m.XOpt[i] - m.D[i];
            if (tempa <= 0 || tempb <= 0)
            {
                nact++;
                xbdi[i] = tempa <= 0 ? -1 : 1;
                goto Reduced;
            }
            var ssq = (m.D[i] * m.D[i]) + (s[i] * s[i]);
            var t = ssq - ((m.XOpt[i] - m.SL[i]) * (m.XOpt[i] - m.SL[i]));
            if (t > 0)
            {
                t = Math.Sqrt(t) - s[i];
                if (angbd * t > tempa)
                {
                    angbd = tempa / t;
                    iact = i;
                    xsav = -1;
                }
            }
            t = ssq - ((m.SU[i] - m.XOpt[i]) * (m.SU[i] - m.XOpt[i]));
            if (t > 0)
            {
                t = Math.Sqrt(t) + s[i];
                if (angbd * t > tempb)
                {
                    angbd = tempb / t;
                    iact = i;
                    xsav = 1;
                }
            }
        }
        m.HessianTimes(s, hs);
        double shs2 = 0, dhs = 0, dhd = 0;
        for (var i = 0; i < n; i++)
        {
            if (xbdi[i] == 0)
            {
                shs2 += s[i] * hs[i];
                dhs += m.D[i] * hs[i];
                dhd += m.D[i] * hred[i];
            }
        }
        // The greatest reduction over equally spaced tangents of half the angle in [0, angbd], refined by a parabola.
        double redmax = 0, redsav = 0, rdprev = 0, rdnext = 0;
        var isav = 0;
        var iu = (int)((17.0 * angbd) + 3.1);
        for (var i = 1; i <= iu; i++)
        {
            var a = angbd * i / iu;
            var sa = (a + a) / (1 + (a * a));
            var rednew = sa * ((a * dredg) - sredg - (0.5 * sa * (shs2 + (a * ((a * dhd) - dhs - dhs)))));
            if (rednew > redmax)
            {
                redmax = rednew;
                isav = i;
                rdprev = redsav;
            }
            else if (i == isav + 1)
            {
                rdnext = rednew;
            }
            redsav = rednew;
        }
        if (isav == 0)
        {
            goto Finish;
        }
        var angt = angbd;
        if (isav < iu)
        {
            var t = (rdnext - rdprev) / (redmax + redmax - rdprev - rdnext);
            angt = angbd * (isav + (0.5 * t)) / iu;
        }
        var cth = (1 - (angt * angt)) / (1 + (angt * angt));
        var sth = (angt + angt) / (1 + (angt * angt));
        sdec = sth * ((angt * dredg) - sredg - (0.5 * sth * (shs2 + (angt * ((angt * dhd) - dhs - dhs)))));
        if (sdec <= 0)
        {
            goto Finish;
        }
        dredg = 0;
        gredsq = 0;
        for (var i = 0; i < n; i++)
        {
            gnew[i] += ((cth - 1) * hred[i]) + (sth * hs[i]);
            if (xbdi[i] == 0)
            {
                m.D[i] = (cth * m.D[i]) + (sth * s[i]);
                dredg += m.D[i] * gnew[i];
                gredsq += gnew[i] * gnew[i];
            }
            hred[i] = (cth * hred[i]) + (sth * hs[i]);
        }
        qred += sdec;
        if (iact >= 0 && isav == iu)
        {
            nact++;
            xbdi[iact] = xsav;
            goto Reduced;
        }
        if (sdec > 0.01 * qred)
        {
            goto Rotate;
        }

    Finish:
        var dsq = 0.0;
        for (var i = 0; i < n; i++)
        {
            var x = Math.Max(Math.Min(m.XOpt[i] + m.D[i], m.SU[i]), m.SL[i]);
            m.XNew[i] = xbdi[i] == -1 ? m.SL[i] : xbdi[i] == 1 ? m.SU[i] : x;
            m.D[i] = m.XNew[i] - m.XOpt[i];
            dsq += m.D[i] * m.D[i];
        }
        return (crvmin, dsq);
    }
}
