using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Models.Optimization;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// <see cref="FirstStage"/> (glmer's <c>nAGQ = 0</c> stage) for one scalar random effect: joint penalized IRLS over
/// (u, β) with lme4's block elimination (Bates et al. 2015, JSS 67(1), sect. 5.1–5.2: L, RZX, RX), which for a
/// diagonal Λ'Z'WZΛ + I is per group L_g = (1 + θ² Σ w z²)^½, RZX_g = θ Σ w z x' / L_g, and RX the Cholesky factor of
/// X'WX − Σ_g RZX_g'RZX_g. The same iterations, tolerance and step halving as <see cref="FirstStage"/>, so the same
/// θ̂, β̂ and lp0; the passes run over contiguous group-ordered rows in chunks on all cores (partial sums added in
/// chunk order), with μ and the weights for a solve taken from the update before it.
/// </summary>
internal sealed class ScalarFirstStage
{
    private const int MaxIterations = 100;
    private const int MaxHalvings = 20;
    private readonly ScalarGroupRows _rows;
    private readonly double _tolerance;
    private readonly double[] _eta;
    private readonly double[] _mu;
    private readonly double[] _w;
    private readonly double[] _u;
    private readonly double[] _uPrevious;
    private readonly double[] _factor;
    private readonly double[] _cu;
    private readonly double[] _rzx;
    private readonly double[][] _schur;
    private readonly double[][] _rhs;
    private readonly double[] _logDet;
    private readonly double[] _pdev;
    private double[] _beta;
    private double _lambda;

    public ScalarFirstStage(ScalarGroupRows rows, double tolerance)
    {
        _rows = rows;
        _tolerance = tolerance;
        var (n, groups, p, chunks) = (rows.Count, rows.Groups, rows.P, rows.Chunks);
        (_eta, _mu, _w) = (new double[n], new double[n], new double[n]);
        (_u, _uPrevious, _factor, _cu) = (new double[groups], new double[groups], new double[groups], new double[groups]);
        _rzx = new double[groups * p];
        _schur = Enumerable.Range(0, chunks).Select(_ => new double[p * p]).ToArray();
        _rhs = Enumerable.Range(0, chunks).Select(_ => new double[p]).ToArray();
        (_logDet, _pdev) = (new double[chunks], new double[chunks]);
        _beta = new double[p];
    }

    /// <summary>
    /// θ̂ and β̂ of the first stage (projected Newton from the start: one parameter, no simplex needed) and its final
    /// linear predictor (in group order).
    /// </summary>
    public (double[] Theta, double[] Beta, double[] LinearPredictor) Fit(double[] thetaStart, double[] lower)
    {
        var start = _rows.Y.Select(y => _rows.Family.StartingPredictor(y)).ToArray();
        _rows.ForEachChunk((_, from, to) => _rows.EvaluateRange(_rows.Start[from], _rows.Start[to], start, _mu, _w));
        Run(thetaStart[0], (start, (double[])_mu.Clone(), (double[])_w.Clone()));
        var initial = ((double[])_eta.Clone(), (double[])_mu.Clone(), (double[])_w.Clone());
        double Objective(double[] theta) => Run(theta[0], initial);
        var polished = ProjectedNewtonPolish.Polish(Objective, thetaStart, lower, 40, 1e-7);
        var theta = polished.Minimizer;
        var value = Run(theta[0], initial);
        // PIRLS failing everywhere (X'WX singular as the weights vanish) leaves β undefined: NaN, which the caller
        // reports as complete separation.
        var beta = double.IsFinite(value) ? (double[])_beta.Clone() : [.. _beta.Select(_ => double.NaN)];
        return (theta, beta, (double[])_eta.Clone());
    }

    /// <summary>
    /// Joint PIRLS at θ from the linear predictor <paramref name="start"/> (with its μ and weights, computed once) (lme4's
    /// <c>pwrssUpdate</c> with uOnly = false); the objective.
    /// </summary>
    private double Run(double theta, (double[] Eta, double[] Mu, double[] W) start)
    {
        _lambda = theta;
        Array.Copy(start.Eta, _eta, _eta.Length);
        Array.Copy(start.Mu, _mu, _mu.Length);
        Array.Copy(start.W, _w, _w.Length);
        Array.Clear(_u);
        _beta = new double[_rows.P];
        var old = double.MaxValue;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var betaPrevious = _beta;
            _rows.ForEachChunk(Accumulate);
            if (!SolveBeta(out var logDet))
            {
                return double.PositiveInfinity; // X'WX singular given u: weights vanish as η runs off (separation)
            }
            _rows.ForEachChunk(Update);
            var pdev = ScalarGroupRows.Sum(_pdev);
            if (!double.IsFinite(pdev) || !double.IsFinite(logDet))
            {
                return double.PositiveInfinity;
            }
            if (Math.Abs((old - pdev) / pdev) < _tolerance)
            {
                return logDet + pdev + _rows.DevianceConstant;
            }
            for (var k = 0; k < MaxHalvings && pdev > old; k++)
            {
                for (var j = 0; j < _beta.Length; j++)
                {
                    _beta[j] = (betaPrevious[j] + _beta[j]) / 2;
                }
                _rows.ForEachChunk(Halve);
                pdev = ScalarGroupRows.Sum(_pdev);
            }
            old = pdev;
        }
        return double.PositiveInfinity;
    }

    /// <summary>Per group L_g, c_u, RZX_g; the chunk's share of X'WX − Σ RZX'RZX and X'Wz − Σ RZX'c_u.</summary>
    private void Accumulate(int chunk, int from, int to)
    {
        var p = _rows.P;
        var (x, z, y) = (_rows.X, _rows.Z, _rows.Y);
        var schur = _schur[chunk];
        var rhs = _rhs[chunk];
        Array.Clear(schur);
        Array.Clear(rhs);
        var logDet = 0.0;
        for (var g = from; g < to; g++)
        {
            var rzx = _rzx.AsSpan(g * p, p);
            rzx.Clear();
            var (a, b) = (0.0, 0.0);
            for (var s = _rows.Start[g]; s < _rows.Start[g + 1]; s++)
            {
                var w = _w[s];
                var working = (w * _eta[s]) + (y[s] - _mu[s]);
                for (var j = 0; j < p; j++)
                {
                    var xj = x[(s * p) + j];
                    rhs[j] += xj * working;
                    rzx[j] += z[s] * w * xj;
                    for (var l = 0; l <= j; l++)
                    {
                        schur[(j * p) + l] += w * xj * x[(s * p) + l];
                    }
                }
                a += w * z[s] * z[s];
                b += z[s] * working;
            }
            var factor = Math.Sqrt(Math.Max((_lambda * a * _lambda) + 1, 1e-300));
            _factor[g] = factor;
            logDet += 2 * Math.Log(factor);
            var cu = _lambda * b / factor;
            _cu[g] = cu;
            for (var j = 0; j < p; j++)
            {
                rzx[j] *= _lambda / factor;
                rhs[j] -= rzx[j] * cu;
                for (var l = 0; l <= j; l++)
                {
                    schur[(j * p) + l] -= rzx[j] * rzx[l];
                }
            }
        }
        _logDet[chunk] = logDet;
    }

    /// <summary>β from the summed Schur complement (lme4's RX); false when it is not positive definite.</summary>
    private bool SolveBeta(out double logDet)
    {
        var p = _rows.P;
        var schur = new double[p * p];
        var rhs = Vector<double>.Build.Dense(p);
        for (var c = 0; c < _rows.Chunks; c++)
        {
            for (var j = 0; j < p * p; j++)
            {
                schur[j] += _schur[c][j];
            }
            for (var j = 0; j < p; j++)
            {
                rhs[j] += _rhs[c][j];
            }
        }
        logDet = ScalarGroupRows.Sum(_logDet);
        var full = ScalarGroupRows.SymmetricFromLower(schur, p);
        try
        {
            _beta = full.Cholesky().Solve(rhs).ToArray();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>u_g = (c_u − RZX_g β)/L_g, then η = Xβ + zθu with μ, w and the penalized deviance of the chunk.</summary>
    private void Update(int chunk, int from, int to)
    {
        var p = _rows.P;
        var pdev = 0.0;
        for (var g = from; g < to; g++)
        {
            var v = _cu[g];
            for (var j = 0; j < p; j++)
            {
                v -= _rzx[(g * p) + j] * _beta[j];
            }
            _uPrevious[g] = _u[g];
            _u[g] = v / _factor[g];
            pdev += Predict(g);
        }
        _pdev[chunk] = pdev + _rows.EvaluateRange(_rows.Start[from], _rows.Start[to], _eta, _mu, _w);
    }

    private void Halve(int chunk, int from, int to)
    {
        var pdev = 0.0;
        for (var g = from; g < to; g++)
        {
            _u[g] = (_uPrevious[g] + _u[g]) / 2;
            pdev += Predict(g);
        }
        _pdev[chunk] = pdev + _rows.EvaluateRange(_rows.Start[from], _rows.Start[to], _eta, _mu, _w);
    }

    /// <summary>η = Xβ + zθu_g for group g's rows; returns u_g².</summary>
    private double Predict(int g)
    {
        var b = _lambda * _u[g];
        for (var s = _rows.Start[g]; s < _rows.Start[g + 1]; s++)
        {
            _eta[s] = _rows.Linear(s, _beta) + (_rows.Z[s] * b);
        }
        return _u[g] * _u[g];
    }
}
