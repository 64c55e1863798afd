namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// The iteration of <see cref="Bobyqa"/> (Powell's BOBYQB; Powell 2009, sect. 2–6): alternating trust-region steps
/// on the quadratic model and geometry steps that keep the interpolation set well poised, with the trust-region
/// radius Δ adapted to the ratio of actual to predicted reduction and the resolution ρ lowered from ρ_beg to ρ_end.
/// The labels follow Powell's control flow (his statement numbers in comments).
/// </summary>
internal sealed class BobyqaSearch(BobyqaModel m, Func<double[], double> eval, double[] lower, double[] upper, double rhobeg, double rhoend, int maxEvaluations)
{
    private readonly double[] gnew = new double[m.N];
    private double diffa;
    private double diffb;
    private double diffc;
    private int itest;

    public (OptimizationResult Result, BobyqaStop Stop) Run(double[] x)
    {
        int n = m.N, npt = m.Npt;
        BobyqaInitialModel.Build(m, eval, x, lower, upper, rhobeg, maxEvaluations);
        m.TakeBestPoint();
        var fsave = m.FVal[0];
        double[]? lastPoint = null;
        if (m.Evaluations < npt)
        {
            return Finish(fsave, lastPoint, BobyqaStop.EvaluationLimit);
        }
        int ntrits = 0, nfsav = m.Evaluations, knew = 0;
        double rho = rhobeg, delta = rhobeg, ratio = 0, dnorm = 0, dsq = 0, crvmin, distsq, adelt = 0, alpha = 0, cauchy = 0, beta = 0, denom = 0;
        var stop = BobyqaStop.RadiusReached;

        // 20: PRELIM's gradient is at the base point; move it to the best point.
        if (m.KOpt != 0)
        {
            m.GradientAtBest();
        }

        // 60: a trust-region step.
    TrustRegion:
        (crvmin, dsq) = BobyqaTrustRegion.Solve(m, delta, gnew);
        dnorm = Math.Min(delta, Math.Sqrt(dsq));
        if (dnorm < 0.5 * rho)
        {
            ntrits = -1;
            distsq = 100 * rho * rho;
            if (m.Evaluations <= nfsav + 2 || !ModelIsAccurate(rho, crvmin))
            {
                goto FarPoint;
            }
            goto ReduceRho;
        }
        ntrits++;

        // 90: shift the base point when xopt has moved far from it.
    Shift:
        if (dsq <= 1e-3 * m.XOptSq)
        {
            m.ShiftBase();
        }
        if (ntrits == 0)
        {
            (alpha, cauchy) = BobyqaAlternativeStep.Choose(m, knew, adelt);
            for (var i = 0; i < n; i++)
            {
                m.D[i] = m.XNew[i] - m.XOpt[i];
            }
        }

        // 230: Lagrange values and the denominator of the update for this step.
    Denominator:
        beta = m.LagrangeValues();
        if (ntrits == 0)
        {
            denom = (m.VLag[knew] * m.VLag[knew]) + (alpha * beta);
            if (denom < cauchy && cauchy > 0)
            {
                for (var i = 0; i < n; i++)
                {
                    m.XNew[i] = m.XAlt[i];
                    m.D[i] = m.XNew[i] - m.XOpt[i];
                }
                cauchy = 0;
                goto Denominator;
            }
            if (denom <= 0.5 * m.VLag[knew] * m.VLag[knew])
            {
                stop = BobyqaStop.NumericalDifficulty;
                goto Done;
            }
        }
        else
        {
            var (k, den, scaden, biglsq) = PointToReplace(beta, delta, m.XOpt, skipBest: true);
            if (scaden <= 0.5 * biglsq)
            {
                stop = BobyqaStop.NumericalDifficulty;
                goto Done;
            }
            (knew, denom) = (k, den);
        }

        // 360: evaluate the objective at the new point.
    Evaluate:
        if (m.Evaluations >= maxEvaluations)
        {
            stop = BobyqaStop.EvaluationLimit;
            goto Done;
        }
        lastPoint = m.Absolute(m.XNew, lower, upper);
        var f = eval(lastPoint);
        if (ntrits == -1)
        {
            fsave = f;
            goto Done;
        }
        var fopt = m.FVal[m.KOpt];
        var vquad = m.PredictedChange();
        var diff = f - fopt - vquad;
        (diffc, diffb, diffa) = (diffb, diffa, Math.Abs(diff));
        if (dnorm > rho)
        {
            nfsav = m.Evaluations;
        }
        if (ntrits > 0)
        {
            if (vquad >= 0)
            {
                stop = BobyqaStop.NumericalDifficulty;
                goto Done;
            }
            ratio = (f - fopt) / vquad;
            delta = ratio <= 0.1 ? Math.Min(0.5 * delta, dnorm) : ratio <= 0.7 ? Math.Max(0.5 * delta, dnorm) : Math.Max(0.5 * delta, dnorm + dnorm);
            if (delta <= 1.5 * rho)
            {
                delta = rho;
            }
            if (f < fopt)
            {
                var (k, den, scaden, biglsq) = PointToReplace(beta, delta, m.XNew, skipBest: false);
                if (scaden > 0.5 * biglsq)
                {
                    (knew, denom) = (k, den);
                }
            }
        }
        m.Update(beta, denom, knew);
        IncludePoint(knew, f, diff, f < fopt);
        if (ntrits > 0)
        {
            ConsiderLeastFrobeniusModel();
        }
        if (ntrits == 0 || f <= fopt + (0.1 * vquad))
        {
            goto TrustRegion;
        }
        distsq = Math.Max(4 * delta * delta, 100 * rho * rho);

        // 650: is an interpolation point too far from the best one?
    FarPoint:
        knew = -1;
        for (var k = 0; k < npt; k++)
        {
            var s = m.DistanceSquared(k, m.XOpt);
            if (s > distsq)
            {
                knew = k;
                distsq = s;
            }
        }
        if (knew >= 0)
        {
            var dist = Math.Sqrt(distsq);
            if (ntrits == -1)
            {
                delta = Math.Min(0.1 * delta, 0.5 * dist);
                if (delta <= 1.5 * rho)
                {
                    delta = rho;
                }
            }
            ntrits = 0;
            adelt = Math.Max(Math.Min(0.1 * dist, delta), rho);
            dsq = adelt * adelt;
            goto Shift;
        }
        if (ntrits != -1 && (ratio > 0 || Math.Max(delta, dnorm) > rho))
        {
            goto TrustRegion;
        }

        // 680: the work at this resolution is done; lower ρ or finish.
    ReduceRho:
        if (rho > rhoend)
        {
            delta = 0.5 * rho;
            var r = rho / rhoend;
            rho = r <= 16 ? rhoend : r <= 250 ? Math.Sqrt(r) * rhoend : 0.1 * rho;
            delta = Math.Max(delta, rho);
            ntrits = 0;
            nfsav = m.Evaluations;
            goto TrustRegion;
        }
        if (ntrits == -1)
        {
            // A last step too short to have been tried (Powell's "Newton-Raphson step").
            goto Evaluate;
        }

    Done:
        return Finish(fsave, lastPoint, stop);
    }

    /// <summary>
    /// Whether the model's recent errors are small against the reductions possible within ρ/2 (then ρ may shrink);
    /// otherwise the interpolation set needs a geometry step first (Powell's test before statement 650/680).
    /// </summary>
    private bool ModelIsAccurate(double rho, double crvmin)
    {
        var errbig = Math.Max(diffa, Math.Max(diffb, diffc));
        var frhosq = 0.125 * rho * rho;
        if (crvmin > 0 && errbig > frhosq * crvmin)
        {
            return false;
        }
        var bdtol = errbig / rho;
        for (var j = 0; j < m.N; j++)
        {
            var bdtest = bdtol;
            if (m.XNew[j] == m.SL[j])
            {
                bdtest = gnew[j];
            }
            if (m.XNew[j] == m.SU[j])
            {
                bdtest = -gnew[j];
            }
            if (bdtest < bdtol)
            {
                var curv = m.HQ[BobyqaModel.H(j, j)];
                for (var k = 0; k < m.Npt; k++)
                {
                    curv += m.PQ[k] * m.Xpt[k, j] * m.Xpt[k, j];
                }
                if (bdtest + (0.5 * curv * rho) < bdtol)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// The interpolation point whose replacement by the new point gives the largest denominator, weighted by its
    /// distance from <paramref name="centre"/>; with the scaled denominator and the largest weighted Lagrange value.
    /// </summary>
    private (int Knew, double Denom, double Scaden, double Biglsq) PointToReplace(double beta, double delta, double[] centre, bool skipBest)
    {
        var delsq = delta * delta;
        double scaden = 0, biglsq = 0, denom = 0;
        var knew = -1;
        for (var k = 0; k < m.Npt; k++)
        {
            if (skipBest && k == m.KOpt)
            {
                continue;
            }
            var den = (beta * m.HDiagonal(k)) + (m.VLag[k] * m.VLag[k]);
            var weight = Math.Max(1, Math.Pow(m.DistanceSquared(k, centre) / delsq, 2));
            if (weight * den > scaden)
            {
                scaden = weight * den;
                knew = k;
                denom = den;
            }
            biglsq = Math.Max(biglsq, weight * m.VLag[k] * m.VLag[k]);
        }
        return (knew, denom, scaden, biglsq);
    }

    /// <summary>Replaces point knew by the new point in the model (second derivatives, gradient) and moves xopt if it improved.</summary>
    private void IncludePoint(int knew, double f, double diff, bool improved)
    {
        int n = m.N, npt = m.Npt;
        var pqold = m.PQ[knew];
        m.PQ[knew] = 0;
        for (var i = 0; i < n; i++)
        {
            var t = pqold * m.Xpt[knew, i];
            for (var j = 0; j <= i; j++)
            {
                m.HQ[BobyqaModel.H(j, i)] += t * m.Xpt[knew, j];
            }
        }
        for (var jj = 0; jj < m.Nptm; jj++)
        {
            var t = diff * m.ZMat[knew, jj];
            for (var k = 0; k < npt; k++)
            {
                m.PQ[k] += t * m.ZMat[k, jj];
            }
        }
        m.FVal[knew] = f;
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            m.Xpt[knew, i] = m.XNew[i];
            w[i] = m.BMat[knew, i];
        }
        for (var k = 0; k < npt; k++)
        {
            var suma = 0.0;
            for (var jj = 0; jj < m.Nptm; jj++)
            {
                suma += m.ZMat[knew, jj] * m.ZMat[k, jj];
            }
            var t = suma * m.XptDot(k, m.XOpt);
            for (var i = 0; i < n; i++)
            {
                w[i] += t * m.Xpt[k, i];
            }
        }
        for (var i = 0; i < n; i++)
        {
            m.GOpt[i] += diff * w[i];
        }
        if (improved)
        {
            m.KOpt = knew;
            Array.Copy(m.XNew, m.XOpt, n);
            m.XOptSq = m.XOpt.Sum(v => v * v);
            var hd = new double[n];
            m.HessianTimes(m.D, hd);
            for (var i = 0; i < n; i++)
            {
                m.GOpt[i] += hd[i];
            }
        }
    }

    /// <summary>
    /// Replaces the model by the least Frobenius-norm interpolant when its projected gradient has been much smaller
    /// than the current model's three times running (Powell 2009, end of sect. 6).
    /// </summary>
    private void ConsiderLeastFrobeniusModel()
    {
        int n = m.N, npt = m.Npt;
        var vl = new double[npt];
        var wa = new double[npt];
        var wb = new double[npt];
        for (var k = 0; k < npt; k++)
        {
            vl[k] = m.FVal[k] - m.FVal[m.KOpt];
        }
        for (var j = 0; j < m.Nptm; j++)
        {
            var s = 0.0;
            for (var k = 0; k < npt; k++)
            {
                s += m.ZMat[k, j] * vl[k];
            }
            for (var k = 0; k < npt; k++)
            {
                wa[k] += s * m.ZMat[k, j];
            }
        }
        for (var k = 0; k < npt; k++)
        {
            wb[k] = wa[k];
            wa[k] *= m.XptDot(k, m.XOpt);
        }
        double gqsq = 0, gisq = 0;
        var g = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            for (var k = 0; k < npt; k++)
            {
                s += (m.BMat[k, i] * vl[k]) + (m.Xpt[k, i] * wa[k]);
            }
            if (m.XOpt[i] == m.SL[i])
            {
                gqsq += Square(Math.Min(0, m.GOpt[i]));
                gisq += Square(Math.Min(0, s));
            }
            else if (m.XOpt[i] == m.SU[i])
            {
                gqsq += Square(Math.Max(0, m.GOpt[i]));
                gisq += Square(Math.Max(0, s));
            }
            else
            {
                gqsq += m.GOpt[i] * m.GOpt[i];
                gisq += s * s;
            }
            g[i] = s;
        }
        itest = gqsq < 10 * gisq ? 0 : itest + 1;
        if (itest >= 3)
        {
            Array.Copy(g, m.GOpt, n);
            Array.Copy(wb, m.PQ, npt);
            Array.Clear(m.HQ);
            itest = 0;
        }
    }

    private static double Square(double v) => v * v;

    /// <summary>Powell's statement 720: the best interpolation point, or the last evaluated point if it was better.</summary>
    private (OptimizationResult, BobyqaStop) Finish(double fsave, double[]? lastPoint, BobyqaStop stop)
    {
        var best = m.FVal[m.KOpt];
        var result = best <= fsave || lastPoint is null
            ? new OptimizationResult(m.Absolute(m.XOpt, lower, upper), best, m.Evaluations, stop == BobyqaStop.RadiusReached)
            : new OptimizationResult(lastPoint, fsave, m.Evaluations, stop == BobyqaStop.RadiusReached);
        return (result, stop);
    }
}
