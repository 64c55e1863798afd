namespace Nmt.Analytics.Models.Optimization;

/// <summary>
/// The state of <see cref="Bobyqa"/>: the interpolation points (relative to a base point), their objective values,
/// the quadratic model Q (gradient at the best point, explicit and implicit second derivatives) and the factored
/// inverse of the interpolation system (H = [ZZᵀ, Bᵀ; B, ·]) that makes each update O(npt·n).
/// Powell (2009), The BOBYQA algorithm for bound constrained optimization without derivatives, DAMTP 2009/NA06,
/// sections 2–4 (PRELIM and UPDATE); and Powell (2006), The NEWUOA software, eq. (4.11), for the update formula.
/// </summary>
internal sealed class BobyqaModel
{
    public BobyqaModel(int n, int npt)
    {
        N = n;
        Npt = npt;
        XBase = new double[n];
        Xpt = new double[npt, n];
        FVal = new double[npt];
        XOpt = new double[n];
        GOpt = new double[n];
        HQ = new double[n * (n + 1) / 2];
        PQ = new double[npt];
        BMat = new double[npt + n, n];
        ZMat = new double[npt, npt - n - 1];
        SL = new double[n];
        SU = new double[n];
        XNew = new double[n];
        XAlt = new double[n];
        D = new double[n];
        VLag = new double[npt + n];
        XptDotD = new double[npt];
    }

    public int N { get; }

    public int Npt { get; }

    public int Nptm => Npt - N - 1;

    public double[] XBase { get; }

    public double[,] Xpt { get; }

    public double[] FVal { get; }

    public double[] XOpt { get; }

    public double[] GOpt { get; }

    /// <summary>Explicit second derivatives, packed upper triangle (<see cref="H"/>).</summary>
    public double[] HQ { get; }

    /// <summary>Implicit second derivatives: Σₖ PQₖ·xptₖ·xptₖᵀ.</summary>
    public double[] PQ { get; }

    public double[,] BMat { get; }

    public double[,] ZMat { get; }

    /// <summary>Lower and upper bounds relative to <see cref="XBase"/>.</summary>
    public double[] SL { get; }

    public double[] SU { get; }

    public double[] XNew { get; }

    public double[] XAlt { get; }

    public double[] D { get; }

    public double[] VLag { get; }

    /// <summary>xptₖ·d for the current step, used by the model's prediction.</summary>
    public double[] XptDotD { get; }

    public int KOpt { get; set; }

    public double XOptSq { get; set; }

    public int Evaluations { get; set; }

    /// <summary>Index of element (i, j) of the packed symmetric matrix <see cref="HQ"/>.</summary>
    public static int H(int i, int j) => i <= j ? (j * (j + 1) / 2) + i : (i * (i + 1) / 2) + j;

    /// <summary>The point XBASE + xpt (relative coordinates), clamped to the bounds and exactly on a bound it touches.</summary>
    public double[] Absolute(double[] relative, double[] lower, double[] upper)
    {
        var x = new double[N];
        for (var j = 0; j < N; j++)
        {
            x[j] = Math.Min(Math.Max(lower[j], XBase[j] + relative[j]), upper[j]);
            if (relative[j] == SL[j])
            {
                x[j] = lower[j];
            }
            if (relative[j] == SU[j])
            {
                x[j] = upper[j];
            }
        }
        return x;
    }

    /// <summary>Row k of <see cref="Xpt"/> dotted with v.</summary>
    public double XptDot(int k, double[] v)
    {
        var s = 0.0;
        for (var j = 0; j < N; j++)
        {
            s += Xpt[k, j] * v[j];
        }
        return s;
    }

    /// <summary>The product of the model's second-derivative matrix with <paramref name="s"/>, written to <paramref name="hs"/>.</summary>
    public void HessianTimes(double[] s, double[] hs)
    {
        Array.Clear(hs);
        for (var j = 0; j < N; j++)
        {
            for (var i = 0; i <= j; i++)
            {
                var h = HQ[H(i, j)];
                if (i < j)
                {
                    hs[j] += h * s[i];
                }
                hs[i] += h * s[j];
            }
        }
        for (var k = 0; k < Npt; k++)
        {
            if (PQ[k] != 0)
            {
                var t = PQ[k] * XptDot(k, s);
                for (var i = 0; i < N; i++)
                {
                    hs[i] += t * Xpt[k, i];
                }
            }
        }
    }

    /// <summary>Sets <see cref="XOpt"/> to the best interpolation point and <see cref="XOptSq"/> to its squared length.</summary>
    public void TakeBestPoint()
    {
        var sq = 0.0;
        for (var i = 0; i < N; i++)
        {
            XOpt[i] = Xpt[KOpt, i];
            sq += XOpt[i] * XOpt[i];
        }
        XOptSq = sq;
    }

    /// <summary>Moves the model's gradient from the base point to <see cref="XOpt"/> (after PRELIM).</summary>
    public void GradientAtBest()
    {
        var hx = new double[N];
        HessianTimes(XOpt, hx);
        for (var i = 0; i < N; i++)
        {
            GOpt[i] += hx[i];
        }
    }

    /// <summary>The model's predicted change Q(xopt + d) − Q(xopt) for <see cref="D"/> (needs <see cref="XptDotD"/>).</summary>
    public double PredictedChange()
    {
        var v = 0.0;
        for (var j = 0; j < N; j++)
        {
            v += D[j] * GOpt[j];
            for (var i = 0; i <= j; i++)
            {
                var t = D[i] * D[j];
                v += HQ[H(i, j)] * (i == j ? 0.5 * t : t);
            }
        }
        for (var k = 0; k < Npt; k++)
        {
            v += 0.5 * PQ[k] * XptDotD[k] * XptDotD[k];
        }
        return v;
    }

    /// <summary>
    /// The values of the Lagrange functions at xopt + d in <see cref="VLag"/> and the parameter β of the update
    /// (Powell 2009, eq. 4.12; NEWUOA eq. 4.11–4.13); also stores xptₖ·d.
    /// </summary>
    public double LagrangeValues()
    {
        var w = new double[Npt];
        for (var k = 0; k < Npt; k++)
        {
            double sa = 0, sb = 0, s = 0;
            for (var j = 0; j < N; j++)
            {
                sa += Xpt[k, j] * D[j];
                sb += Xpt[k, j] * XOpt[j];
                s += BMat[k, j] * D[j];
            }
            w[k] = sa * ((0.5 * sa) + sb);
            VLag[k] = s;
            XptDotD[k] = sa;
        }
        var beta = 0.0;
        for (var jj = 0; jj < Nptm; jj++)
        {
            var s = 0.0;
            for (var k = 0; k < Npt; k++)
            {
                s += ZMat[k, jj] * w[k];
            }
            beta -= s * s;
            for (var k = 0; k < Npt; k++)
            {
                VLag[k] += s * ZMat[k, jj];
            }
        }
        double dsq = 0, bsum = 0, dx = 0;
        for (var j = 0; j < N; j++)
        {
            dsq += D[j] * D[j];
            var s = 0.0;
            for (var k = 0; k < Npt; k++)
            {
                s += w[k] * BMat[k, j];
            }
            bsum += s * D[j];
            for (var i = 0; i < N; i++)
            {
                s += BMat[Npt + j, i] * D[i];
            }
            VLag[Npt + j] = s;
            bsum += s * D[j];
            dx += D[j] * XOpt[j];
        }
        VLag[KOpt] += 1;
        return (dx * dx) + (dsq * (XOptSq + dx + dx + (0.5 * dsq))) + beta - bsum;
    }

    /// <summary>Squared norm of row k of Z (the diagonal element of ZZᵀ).</summary>
    public double HDiagonal(int k)
    {
        var s = 0.0;
        for (var jj = 0; jj < Nptm; jj++)
        {
            s += ZMat[k, jj] * ZMat[k, jj];
        }
        return s;
    }

    /// <summary>Squared distance of interpolation point k from <paramref name="x"/>.</summary>
    public double DistanceSquared(int k, double[] x)
    {
        var s = 0.0;
        for (var j = 0; j < N; j++)
        {
            s += (Xpt[k, j] - x[j]) * (Xpt[k, j] - x[j]);
        }
        return s;
    }

    /// <summary>
    /// Updates B and Z for moving interpolation point <paramref name="knew"/> to the point whose Lagrange values are in
    /// <see cref="VLag"/> (Powell's UPDATE): Givens rotations zero row knew of Z beyond its first column, then the
    /// rank-two change of the NEWUOA paper's eq. (4.11).
    /// </summary>
    public void Update(double beta, double denom, int knew)
    {
        var ztest = 0.0;
        for (var k = 0; k < Npt; k++)
        {
            for (var j = 0; j < Nptm; j++)
            {
                ztest = Math.Max(ztest, Math.Abs(ZMat[k, j]));
            }
        }
        ztest *= 1e-20;
        for (var j = 1; j < Nptm; j++)
        {
            if (Math.Abs(ZMat[knew, j]) > ztest)
            {
                var r = Math.Sqrt((ZMat[knew, 0] * ZMat[knew, 0]) + (ZMat[knew, j] * ZMat[knew, j]));
                double a = ZMat[knew, 0] / r, b = ZMat[knew, j] / r;
                for (var i = 0; i < Npt; i++)
                {
                    var t = (a * ZMat[i, 0]) + (b * ZMat[i, j]);
                    ZMat[i, j] = (a * ZMat[i, j]) - (b * ZMat[i, 0]);
                    ZMat[i, 0] = t;
                }
            }
            ZMat[knew, j] = 0;
        }
        var w = new double[Npt + N];
        for (var i = 0; i < Npt; i++)
        {
            w[i] = ZMat[knew, 0] * ZMat[i, 0];
        }
        var alpha = w[knew];
        var tau = VLag[knew];
        VLag[knew] -= 1;
        var root = Math.Sqrt(denom);
        double zb = ZMat[knew, 0] / root, za = tau / root;
        for (var i = 0; i < Npt; i++)
        {
            ZMat[i, 0] = (za * ZMat[i, 0]) - (zb * VLag[i]);
        }
        for (var j = 0; j < N; j++)
        {
            var jp = Npt + j;
            w[jp] = BMat[knew, j];
            var ta = ((alpha * VLag[jp]) - (tau * w[jp])) / denom;
            var tb = ((-beta * w[jp]) - (tau * VLag[jp])) / denom;
            for (var i = 0; i <= jp; i++)
            {
                BMat[i, j] += (ta * VLag[i]) + (tb * w[i]);
                if (i >= Npt)
                {
                    BMat[jp, i - Npt] = BMat[i, j];
                }
            }
        }
    }

    /// <summary>
    /// Moves the base point to <see cref="XOpt"/> to limit cancellation (Powell 2009, sect. 5): B's and the model's
    /// second derivatives are revised, every point and bound is shifted, and xopt becomes 0.
    /// </summary>
    public void ShiftBase()
    {
        var fracsq = 0.25 * XOptSq;
        var sumpq = 0.0;
        var wk = new double[Npt];
        var wi = new double[N];
        var vl = new double[Math.Max(N, Npt)];
        for (var k = 0; k < Npt; k++)
        {
            sumpq += PQ[k];
            var s = (-0.5 * XOptSq) + XptDot(k, XOpt);
            wk[k] = s;
            var t = fracsq - (0.5 * s);
            for (var i = 0; i < N; i++)
            {
                wi[i] = BMat[k, i];
                vl[i] = (s * Xpt[k, i]) + (t * XOpt[i]);
                for (var j = 0; j <= i; j++)
                {
                    BMat[Npt + i, j] += (wi[i] * vl[j]) + (vl[i] * wi[j]);
                }
            }
        }
        for (var jj = 0; jj < Nptm; jj++)
        {
            double sumz = 0, sumw = 0;
            for (var k = 0; k < Npt; k++)
            {
                sumz += ZMat[k, jj];
                vl[k] = wk[k] * ZMat[k, jj];
                sumw += vl[k];
            }
            for (var j = 0; j < N; j++)
            {
                var s = ((fracsq * sumz) - (0.5 * sumw)) * XOpt[j];
                for (var k = 0; k < Npt; k++)
                {
                    s += vl[k] * Xpt[k, j];
                }
                wi[j] = s;
                for (var k = 0; k < Npt; k++)
                {
                    BMat[k, j] += s * ZMat[k, jj];
                }
            }
            for (var i = 0; i < N; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    BMat[Npt + i, j] += wi[i] * wi[j];
                }
            }
        }
        for (var j = 0; j < N; j++)
        {
            wi[j] = -0.5 * sumpq * XOpt[j];
            for (var k = 0; k < Npt; k++)
            {
                wi[j] += PQ[k] * Xpt[k, j];
                Xpt[k, j] -= XOpt[j];
            }
            for (var i = 0; i <= j; i++)
            {
                HQ[H(i, j)] += (wi[i] * XOpt[j]) + (XOpt[i] * wi[j]);
                BMat[Npt + i, j] = BMat[Npt + j, i];
            }
        }
        for (var i = 0; i < N; i++)
        {
            XBase[i] += XOpt[i];
            XNew[i] -= XOpt[i];
            SL[i] -= XOpt[i];
            SU[i] -= XOpt[i];
            XOpt[i] = 0;
        }
        XOptSq = 0;
    }
}
