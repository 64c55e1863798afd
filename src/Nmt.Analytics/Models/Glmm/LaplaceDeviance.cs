using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// The Laplace (or adaptive Gauss–Hermite) deviance of a GLMM with one grouping factor over (θ, β), computed as
/// lme4's <c>glmer</c> computes it in its second stage (Bates et al. 2015, JSS 67(1), sect. 5; lme4's
/// <c>pwrssUpdate</c>/<c>glmerLaplace</c>/<c>glmerAGQ</c>): every evaluation starts penalized IRLS from the same
/// linear predictor (the first stage's, lme4's <c>lp0</c>) and takes Fisher-scoring steps for the spherical random
/// effects u of all groups together, with step halving when the penalized deviance Σ dev.resid + u'u increases, until
/// its relative change is below the tolerance (glmer's <c>tolPwrss</c>, 1e-7). The value is
/// −2 log p(y | u) + u'u + log|Λ'Z'WZΛ + I| with W the weights of the last solve, as lme4's. At glmer's tolerance this
/// stops PIRLS slightly short of the mode, which shifts the deviance by ~1e-3 and its curvature (so the standard
/// errors) by up to ~1.5 %; a tolerance of 1e-10 gives the exact Laplace approximation
/// (= glmer with <c>glmerControl(tolPwrss = 1e-10)</c>). Groups are independent given (θ, β): O(n q²) per step.
/// </summary>
internal sealed class LaplaceDeviance : IGlmmDeviance
{
    private const int MaxIterations = 100;
    private const int MaxHalvings = 20;
    private readonly GroupedRows _rows;
    private readonly Matrix<double> _x;
    private readonly double _tolerance;
    private readonly double[] _lp0;
    private readonly double[] _eta;
    private readonly double[] _w;
    private readonly double[] _u;
    private readonly double[] _uPrevious;
    private readonly double[] _factor;
    private readonly double[] _a;
    private readonly double[] _rhs;
    private readonly double[] _b;
    private readonly double[] _nodes;
    private readonly double[] _weights;

    public LaplaceDeviance(GroupedRows rows, Matrix<double> x, int nagq, double tolerance, double[] lp0)
    {
        _rows = rows;
        _x = x;
        _tolerance = tolerance;
        _lp0 = lp0;
        var q = rows.Q;
        _eta = new double[rows.Count];
        _w = new double[rows.Count];
        _u = new double[rows.Groups * q];
        _uPrevious = new double[_u.Length];
        _factor = new double[rows.Groups * q * q];
        _a = new double[q * q];
        _rhs = new double[q];
        _b = new double[q];
        (_nodes, _weights) = GaussHermite.Nodes(nagq);
    }

    /// <summary>Random effects per group.</summary>
    public int Q => _rows.Q;

    /// <summary>Number of groups.</summary>
    public int Groups => _rows.Groups;

    /// <summary>Number of θ parameters.</summary>
    public int ThetaCount => _rows.ThetaCount;

    /// <summary>The spherical random effects at the last evaluation.</summary>
    public double[] Modes => _u;

    /// <summary>Λ from θ.</summary>
    public double[,] Lambda(ReadOnlySpan<double> theta) => _rows.Lambda(theta);

    /// <inheritdoc/>
    public double Evaluate(double[] parameters)
    {
        var lambda = _rows.Lambda(parameters.AsSpan(0, ThetaCount));
        var offset = Offset(parameters);
        Array.Copy(_lp0, _eta, _eta.Length);
        var old = double.MaxValue;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Copy(_u, _uPrevious, _u.Length);
            var logDet = Solve(lambda, offset);
            var pdev = Update(lambda, offset);
            if (!double.IsFinite(pdev))
            {
                return double.PositiveInfinity;
            }
            if (Math.Abs((old - pdev) / pdev) < _tolerance)
            {
                return _nodes.Length == 1 ? logDet + Conditional() : Quadrature(lambda, offset, logDet);
            }
            if (pdev > old)
            {
                for (var k = 0; k < MaxHalvings && pdev > old; k++)
                {
                    for (var j = 0; j < _u.Length; j++)
                    {
                        _u[j] = (_uPrevious[j] + _u[j]) / 2;
                    }
                    pdev = Update(lambda, offset);
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
        var lambda = _rows.Lambda(theta);
        var p = _x.ColumnCount;
        var q = Q;
        var schur = Matrix<double>.Build.Dense(p, p);
        var cross = new double[q * p];
        var column = new double[q];
        for (var g = 0; g < Groups; g++)
        {
            Array.Clear(cross);
            for (var s = _rows.Start[g]; s < _rows.Start[g + 1]; s++)
            {
                var i = _rows.Order[s];
                for (var j = 0; j < p; j++)
                {
                    var wx = _w[i] * _x[i, j];
                    for (var l = 0; l <= j; l++)
                    {
                        schur[j, l] += wx * _x[i, l];
                    }
                    for (var k = 0; k < q; k++)
                    {
                        cross[(k * p) + j] += _rows.Z[(i * q) + k] * wx;
                    }
                }
            }
            var rzx = new double[q, p];
            for (var j = 0; j < p; j++)
            {
                for (var r = 0; r < q; r++)
                {
                    var v = 0.0;
                    for (var k = 0; k < q; k++)
                    {
                        v += lambda[k, r] * cross[(k * p) + j];
                    }
                    column[r] = v;
                }
                _rows.ForwardSolve(_factor, g * q * q, column);
                for (var r = 0; r < q; r++)
                {
                    rzx[r, j] = column[r];
                }
            }
            for (var j = 0; j < p; j++)
            {
                for (var l = 0; l <= j; l++)
                {
                    for (var r = 0; r < q; r++)
                    {
                        schur[j, l] -= rzx[r, j] * rzx[r, l];
                    }
                }
            }
        }
        var full = Matrix<double>.Build.Dense(p, p, (j, l) => j >= l ? schur[j, l] : schur[l, j]);
        return full.Inverse();
    }

    private double[] Offset(double[] parameters)
    {
        var beta = Vector<double>.Build.DenseOfArray(parameters[ThetaCount..]);
        var product = _x * beta;
        return product.AsArray() ?? product.ToArray();
    }

    /// <summary>One Fisher-scoring solve for every group at the current η: u = (Λ'Z'WZΛ + I)⁻¹Λ'Z'W z; returns log|·|.</summary>
    private double Solve(double[,] lambda, double[] offset)
    {
        var q = Q;
        var family = _rows.Family;
        var logDet = 0.0;
        for (var g = 0; g < Groups; g++)
        {
            Array.Clear(_a);
            Array.Clear(_b);
            for (var s = _rows.Start[g]; s < _rows.Start[g + 1]; s++)
            {
                var i = _rows.Order[s];
                var mu = family.Mean(_eta[i]);
                var w = family.Weight(mu);
                _w[i] = w;
                var working = (w * (_eta[i] - offset[i])) + (_rows.Y[i] - mu); // W z for a canonical link
                for (var k = 0; k < q; k++)
                {
                    var zk = _rows.Z[(i * q) + k];
                    _b[k] += zk * working;
                    for (var l = 0; l <= k; l++)
                    {
                        _a[(k * q) + l] += w * zk * _rows.Z[(i * q) + l];
                    }
                }
            }
            var at = g * q * q;
            logDet += _rows.FactorPenalized(lambda, _a, _factor, at);
            for (var r = 0; r < q; r++)
            {
                var v = 0.0;
                for (var k = r; k < q; k++)
                {
                    v += lambda[k, r] * _b[k];
                }
                _rhs[r] = v;
            }
            _rows.ForwardSolve(_factor, at, _rhs);
            _rows.BackSolve(_factor, at, _rhs);
            Array.Copy(_rhs, 0, _u, g * q, q);
        }
        return logDet;
    }

    /// <summary>η = Xβ + ZΛu for every row; returns the penalized deviance Σ dev.resid + u'u.</summary>
    private double Update(double[,] lambda, double[] offset)
    {
        var family = _rows.Family;
        var total = 0.0;
        for (var g = 0; g < Groups; g++)
        {
            _rows.Times(lambda, _u, g, _b);
            for (var s = _rows.Start[g]; s < _rows.Start[g + 1]; s++)
            {
                var i = _rows.Order[s];
                var eta = offset[i] + _rows.Dot(i, _b);
                _eta[i] = eta;
                total += family.DevianceResidual(_rows.Y[i], eta, family.Mean(eta));
            }
        }
        foreach (var v in _u)
        {
            total += v * v;
        }
        return total;
    }

    /// <summary>−2 log p(y | u) + u'u at the current η (lme4's <c>aic()</c> + <c>sqrL</c>).</summary>
    private double Conditional()
    {
        var family = _rows.Family;
        var total = 0.0;
        for (var i = 0; i < _eta.Length; i++)
        {
            total += family.Deviance(_rows.Y[i], _eta[i], family.Mean(_eta[i]));
        }
        foreach (var v in _u)
        {
            total += v * v;
        }
        return total;
    }

    /// <summary>
    /// Adaptive Gauss–Hermite for a scalar random effect as lme4's <c>glmerAGQ</c>: nodes u + tₖ·σ with σ = 1/L (L the
    /// factor of the last solve), −2 log Π_g Σₖ wₖ exp(−(d_g(u + tₖσ) − d_g(u))/2 + tₖ²/2) added to the Laplace terms.
    /// </summary>
    private double Quadrature(double[,] lambda, double[] offset, double logDet)
    {
        var family = _rows.Family;
        var lam = lambda[0, 0];
        var total = logDet + Conditional();
        for (var g = 0; g < Groups; g++)
        {
            var mode = _u[g];
            var sd = 1 / _factor[g];
            var atMode = GroupDeviance(g, lam * mode, offset) + (mode * mode);
            var sum = 0.0;
            for (var k = 0; k < _nodes.Length; k++)
            {
                var t = _nodes[k];
                var node = mode + (t * sd);
                var value = GroupDeviance(g, lam * node, offset) + (node * node);
                sum += _weights[k] * Math.Exp((-(value - atMode) / 2) + (t * t / 2));
            }
            total -= 2 * Math.Log(sum);
        }
        return total;

        double GroupDeviance(int g, double b, double[] off)
        {
            var v = 0.0;
            for (var s = _rows.Start[g]; s < _rows.Start[g + 1]; s++)
            {
                var i = _rows.Order[s];
                var eta = off[i] + (_rows.Z[i] * b);
                v += family.DevianceResidual(_rows.Y[i], eta, family.Mean(eta));
            }
            return v;
        }
    }
}
