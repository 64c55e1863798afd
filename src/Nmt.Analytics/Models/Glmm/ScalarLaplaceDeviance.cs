using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// <see cref="LaplaceDeviance"/> (nAGQ = 1) for one scalar random effect, the same function computed group by group:
/// with Λ = θ a scalar, Λ'Z'WZΛ + I is diagonal, so each PIRLS step is, per group g, L_g² = 1 + θ² Σ_j w_j z_j²,
/// u_g = θ Σ_j z_j (w_j (η_j − x_jβ) + y_j − μ_j) / L_g², and the Laplace deviance is
/// Σ dev(y, η) + Σ u_g² + Σ log L_g² (the Laplace approximation, Pinheiro &amp; Bates 1995, J. Comput. Graph. Stat.
/// 4:12; in lme4's form, Bates et al. 2015, JSS 67(1), sect. 5, with a diagonal L; lme4's
/// <c>pwrssUpdate</c>/<c>glmerLaplace</c>). As lme4, every evaluation starts from the first stage's linear
/// predictor lp0 and stops PIRLS at the same relative tolerance with the same step halving, so the values equal
/// glmer's; only the work differs: one pass per step over contiguous rows (the solve for a group reads the μ and
/// weights its previous update left), one exponential per row per step, the weights at lp0 computed once, no
/// allocation per evaluation, and chunks of groups on all cores with partial sums added in a fixed order.
/// </summary>
internal sealed class ScalarLaplaceDeviance : IGlmmDeviance
{
    private const int MaxIterations = 100;
    private const int MaxHalvings = 20;
    private readonly ScalarGroupRows _rows;
    private readonly double _tolerance;
    private readonly double[] _lp0;
    private readonly double[] _mu0;
    private readonly double[] _w0;
    private readonly double[] _offset;
    private readonly double[] _eta;
    private readonly double[] _mu;
    private readonly double[] _w;
    private readonly double[] _wSolved;
    private readonly double[] _u;
    private readonly double[] _uPrevious;
    private readonly double[] _factor;
    private readonly double[] _logDet;
    private readonly double[] _pdev;
    private double[] _beta = [];
    private double _lambda;

    /// <param name="rows">The rows in group order.</param>
    /// <param name="tolerance">glmer's <c>tolPwrss</c>.</param>
    /// <param name="lp0">The first stage's linear predictor, in group order.</param>
    public ScalarLaplaceDeviance(ScalarGroupRows rows, double tolerance, double[] lp0)
    {
        _rows = rows;
        _tolerance = tolerance;
        _lp0 = lp0;
        var n = rows.Count;
        (_mu0, _w0) = (new double[n], new double[n]);
        rows.EvaluateRange(0, n, lp0, _mu0, _w0);
        (_offset, _eta, _mu, _w, _wSolved) = (new double[n], new double[n], new double[n], new double[n], new double[n]);
        (_u, _uPrevious, _factor) = (new double[rows.Groups], new double[rows.Groups], new double[rows.Groups]);
        (_logDet, _pdev) = (new double[rows.Chunks], new double[rows.Chunks]);
    }

    /// <inheritdoc/>
    public double Evaluate(double[] parameters)
    {
        _lambda = parameters[0];
        _beta = parameters[1..];
        var old = double.MaxValue;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var first = iteration == 0;
            _rows.ForEachChunk((c, from, to) => Step(c, from, to, first));
            var logDet = ScalarGroupRows.Sum(_logDet);
            var pdev = ScalarGroupRows.Sum(_pdev);
            if (!double.IsFinite(pdev))
            {
                return double.PositiveInfinity;
            }
            if (Math.Abs((old - pdev) / pdev) < _tolerance)
            {
                return logDet + pdev + _rows.DevianceConstant;
            }
            if (pdev > old)
            {
                for (var k = 0; k < MaxHalvings && pdev > old; k++)
                {
                    _rows.ForEachChunk(Halve);
                    pdev = ScalarGroupRows.Sum(_pdev);
                }
                if (pdev - old > _tolerance)
                {
                    return double.PositiveInfinity;
                }
            }
            old = pdev;
        }
        return double.PositiveInfinity;
    }

    /// <inheritdoc/>
    public Matrix<double> RxCovariance(double[] theta)
    {
        var p = _rows.P;
        var x = _rows.X;
        var lambda = theta[0];
        var schur = new double[p * p];
        var cross = new double[p];
        for (var g = 0; g < _rows.Groups; g++)
        {
            Array.Clear(cross);
            for (var s = _rows.Start[g]; s < _rows.Start[g + 1]; s++)
            {
                var w = _wSolved[s];
                for (var j = 0; j < p; j++)
                {
                    var wx = w * x[(s * p) + j];
                    cross[j] += _rows.Z[s] * wx;
                    for (var l = 0; l <= j; l++)
                    {
                        schur[(j * p) + l] += wx * x[(s * p) + l];
                    }
                }
            }
            var scale = lambda * lambda / (_factor[g] * _factor[g]);
            for (var j = 0; j < p; j++)
            {
                for (var l = 0; l <= j; l++)
                {
                    schur[(j * p) + l] -= scale * cross[j] * cross[l];
                }
            }
        }
        return ScalarGroupRows.SymmetricFromLower(schur, p).Inverse();
    }

    /// <summary>One PIRLS step for groups [from, to): solve for u_g from the current η, μ, w, then update them.</summary>
    private void Step(int chunk, int from, int to, bool first)
    {
        var (eta, mu, w) = first ? (_lp0, _mu0, _w0) : (_eta, _mu, _w);
        var z = _rows.Z;
        var y = _rows.Y;
        var logDet = 0.0;
        var pdev = 0.0;
        for (var g = from; g < to; g++)
        {
            var (start, end) = (_rows.Start[g], _rows.Start[g + 1]);
            var a = 0.0;
            var b = 0.0;
            for (var s = start; s < end; s++)
            {
                if (first)
                {
                    _offset[s] = _rows.Linear(s, _beta);
                }
                var ws = w[s];
                _wSolved[s] = ws;
                a += ws * z[s] * z[s];
                b += z[s] * ((ws * (eta[s] - _offset[s])) + (y[s] - mu[s]));
            }
            var d = (_lambda * a * _lambda) + 1;
            var factor = Math.Sqrt(Math.Max(d, 1e-300));
            _factor[g] = factor;
            logDet += 2 * Math.Log(factor);
            _uPrevious[g] = _u[g];
            var u = _lambda * b / factor / factor;
            _u[g] = u;
            Predict(start, end, _lambda * u);
            pdev += u * u;
        }
        _logDet[chunk] = logDet;
        _pdev[chunk] = pdev + _rows.EvaluateRange(_rows.Start[from], _rows.Start[to], _eta, _mu, _w);
    }

    /// <summary>Step halving for groups [from, to): u = (u_previous + u)/2 and the update.</summary>
    private void Halve(int chunk, int from, int to)
    {
        var pdev = 0.0;
        for (var g = from; g < to; g++)
        {
            var u = (_uPrevious[g] + _u[g]) / 2;
            _u[g] = u;
            Predict(_rows.Start[g], _rows.Start[g + 1], _lambda * u);
            pdev += u * u;
        }
        _pdev[chunk] = pdev + _rows.EvaluateRange(_rows.Start[from], _rows.Start[to], _eta, _mu, _w);
    }

    /// <summary>η = xβ + z b for the rows [start, end).</summary>
    private void Predict(int start, int end, double b)
    {
        for (var s = start; s < end; s++)
        {
            _eta[s] = _offset[s] + (_rows.Z[s] * b);
        }
    }
}
