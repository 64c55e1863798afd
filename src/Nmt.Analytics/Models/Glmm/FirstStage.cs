using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Models.Optimization;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// glmer's first stage (<c>nAGQ = 0</c>): for each θ, penalized IRLS over u and β together from a fixed linear
/// predictor, the objective log|Λ'Z'WZΛ + I| + u'u − 2 log p(y | u, β); θ minimised by a bounded simplex search and
/// Newton polishing. Its optimum gives the second stage its start (θ, β) and the linear predictor every second-stage
/// PIRLS starts from (lme4's <c>lp0</c>). The very first PIRLS starts from glm's <c>mustart</c>
/// ((y + ½)/2 for binomial, y + 0.1 for Poisson) at θ = identity, as <c>mkGlmerDevfun</c>.
/// </summary>
internal sealed class FirstStage
{
    private const int MaxIterations = 100;
    private readonly GroupedRows _rows;
    private readonly Matrix<double> _x;
    private readonly double _tolerance;

    public FirstStage(GroupedRows rows, Matrix<double> x, double tolerance)
    {
        _rows = rows;
        _x = x;
        _tolerance = tolerance;
    }

    /// <summary>θ̂ and β̂ of the first stage and its final linear predictor.</summary>
    public (double[] Theta, double[] Beta, double[] LinearPredictor) Fit(double[] thetaStart, double[] lower)
    {
        var family = _rows.Family;
        var start = _rows.Y.Select(y => family.StartingPredictor(y)).ToArray();
        var initial = Run(thetaStart, start).Eta;
        double Objective(double[] theta) => Run(theta, initial).Value;
        var coarse = BoundedNelderMead.Minimize(Objective, thetaStart, lower, null,
            new NelderMeadSettings { FunctionTolerance = 1e-10, ParameterTolerance = 1e-6, MaxRestarts = 0 });
        var theta = ProjectedNewtonPolish.Polish(Objective, coarse.Minimizer, lower, 20, 1e-7).Minimizer;
        var final = Run(theta, initial);
        return (theta, final.Beta, final.Eta);
    }

    /// <summary>Joint PIRLS at θ from <paramref name="startEta"/> (lme4's <c>pwrssUpdate</c> with uOnly = false).</summary>
    internal (double Value, double[] Beta, double[] Eta) Run(double[] theta, double[] startEta)
    {
        var lambda = _rows.Lambda(theta);
        var eta = (double[])startEta.Clone();
        var p = _x.ColumnCount;
        var u = new double[_rows.Groups * _rows.Q];
        var beta = new double[p];
        var old = double.MaxValue;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (uPrevious, betaPrevious) = ((double[])u.Clone(), (double[])beta.Clone());
            var logDet = Solve(lambda, eta, u, beta);
            var pdev = Update(lambda, u, beta, eta);
            if (!double.IsFinite(pdev) || !double.IsFinite(logDet))
            {
                return (double.PositiveInfinity, beta, eta);
            }
            if (Math.Abs((old - pdev) / pdev) < _tolerance)
            {
                return (logDet + Conditional(eta, u), beta, eta);
            }
            for (var k = 0; k < 20 && pdev > old; k++)
            {
                Halve(u, uPrevious);
                Halve(beta, betaPrevious);
                pdev = Update(lambda, u, beta, eta);
            }
            old = pdev;
        }
        return (double.PositiveInfinity, beta, eta);
    }

    private static void Halve(double[] current, double[] previous)
    {
        for (var j = 0; j < current.Length; j++)
        {
            current[j] = (previous[j] + current[j]) / 2;
        }
    }

    /// <summary>
    /// Solves [Λ'Z'WZΛ + I, Λ'Z'WX; X'WZΛ, X'WX] (u, β) = (Λ'Z'Wz, X'Wz) through the per-group Cholesky factors L
    /// and the Schur complement (lme4's L, RZX, RX); returns log|Λ'Z'WZΛ + I|.
    /// </summary>
    private double Solve(double[,] lambda, double[] eta, double[] u, double[] beta)
    {
        var q = _rows.Q;
        var p = _x.ColumnCount;
        var family = _rows.Family;
        var a = new double[q * q];
        var rzx = new double[_rows.Groups][];
        var cu = new double[_rows.Groups][];
        var schur = Matrix<double>.Build.Dense(p, p);
        var rhs = Vector<double>.Build.Dense(p);
        var factors = new double[_rows.Groups * q * q];
        var logDet = 0.0;
        for (var g = 0; g < _rows.Groups; g++)
        {
            Array.Clear(a);
            var zwz = new double[q];
            var zwx = new double[q * p];
            for (var s = _rows.Start[g]; s < _rows.Start[g + 1]; s++)
            {
                var i = _rows.Order[s];
                var mu = family.Mean(eta[i]);
                var w = family.Weight(mu);
                var working = (w * eta[i]) + (_rows.Y[i] - mu);
                for (var j = 0; j < p; j++)
                {
                    var wx = w * _x[i, j];
                    rhs[j] += _x[i, j] * working;
                    for (var l = 0; l <= j; l++)
                    {
                        schur[j, l] += wx * _x[i, l];
                    }
                }
                for (var k = 0; k < q; k++)
                {
                    var zk = _rows.Z[(i * q) + k];
                    zwz[k] += zk * working;
                    for (var j = 0; j < p; j++)
                    {
                        zwx[(k * p) + j] += zk * w * _x[i, j];
                    }
                    for (var l = 0; l <= k; l++)
                    {
                        a[(k * q) + l] += w * zk * _rows.Z[(i * q) + l];
                    }
                }
            }
            logDet += _rows.FactorPenalized(lambda, a, factors, g * q * q);
            cu[g] = LambdaTimes(lambda, zwz, 0, 1);
            _rows.ForwardSolve(factors, g * q * q, cu[g]);
            rzx[g] = new double[q * p];
            for (var j = 0; j < p; j++)
            {
                var column = LambdaTimes(lambda, zwx, j, p);
                _rows.ForwardSolve(factors, g * q * q, column);
                for (var r = 0; r < q; r++)
                {
                    rzx[g][(r * p) + j] = column[r];
                }
            }
            for (var j = 0; j < p; j++)
            {
                for (var r = 0; r < q; r++)
                {
                    rhs[j] -= rzx[g][(r * p) + j] * cu[g][r];
                    for (var l = 0; l <= j; l++)
                    {
                        schur[j, l] -= rzx[g][(r * p) + j] * rzx[g][(r * p) + l];
                    }
                }
            }
        }
        var full = Matrix<double>.Build.Dense(p, p, (j, l) => j >= l ? schur[j, l] : schur[l, j]);
        Vector<double> solved;
        try
        {
            solved = full.Cholesky().Solve(rhs);
        }
        catch (ArgumentException)
        {
            return double.NaN; // X'WX singular given u: weights vanish as η runs off (separation)
        }
        for (var j = 0; j < p; j++)
        {
            beta[j] = solved[j];
        }
        for (var g = 0; g < _rows.Groups; g++)
        {
            var v = new double[q];
            for (var r = 0; r < q; r++)
            {
                v[r] = cu[g][r];
                for (var j = 0; j < p; j++)
                {
                    v[r] -= rzx[g][(r * p) + j] * beta[j];
                }
            }
            _rows.BackSolve(factors, g * q * q, v);
            Array.Copy(v, 0, u, g * q, q);
        }
        return logDet;
    }

    /// <summary>Λ' v for v read at <paramref name="start"/> with the given stride.</summary>
    private double[] LambdaTimes(double[,] lambda, double[] v, int start, int stride)
    {
        var q = _rows.Q;
        var result = new double[q];
        for (var r = 0; r < q; r++)
        {
            for (var k = r; k < q; k++)
            {
                result[r] += lambda[k, r] * v[start + (k * stride)];
            }
        }
        return result;
    }

    private double Update(double[,] lambda, double[] u, double[] beta, double[] eta)
    {
        var family = _rows.Family;
        var b = new double[_rows.Q];
        var fixedPart = _x * Vector<double>.Build.DenseOfArray(beta);
        var total = 0.0;
        for (var g = 0; g < _rows.Groups; g++)
        {
            _rows.Times(lambda, u, g, b);
            for (var s = _rows.Start[g]; s < _rows.Start[g + 1]; s++)
            {
                var i = _rows.Order[s];
                eta[i] = fixedPart[i] + _rows.Dot(i, b);
                total += family.DevianceResidual(_rows.Y[i], eta[i], family.Mean(eta[i]));
            }
        }
        return total + u.Sum(v => v * v);
    }

    private double Conditional(double[] eta, double[] u)
    {
        var family = _rows.Family;
        var total = u.Sum(v => v * v);
        for (var i = 0; i < eta.Length; i++)
        {
            total += family.Deviance(_rows.Y[i], eta[i], family.Mean(eta[i]));
        }
        return total;
    }
}
