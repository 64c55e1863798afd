using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// The Laplace (or adaptive Gauss–Hermite) deviance of a GLMM with one grouping factor, as lme4's <c>glmer</c> defines
/// it (Bates et al. 2015, JSS 67(1), sect. 5; lme4's PIRLS): for each group the spherical random effects u are found
/// by penalized IRLS (Newton on Σ dev(y | η) + u'u with η = Xβ + ZΛu, step halving), and
/// −2 log L ≈ Σ dev + u'u + log|Λ'Z'WZΛ + I|. Groups are independent given (θ, β), so one evaluation is O(n q²);
/// each group's mode warm-starts the next evaluation.
/// </summary>
internal sealed class LaplaceDeviance
{
    private readonly GlmmFamily _family;
    private readonly Matrix<double> _x;
    private readonly double[] _y;
    private readonly double[] _z; // row-major n × q
    private readonly int[] _order; // rows sorted by group
    private readonly int[] _start; // group g's rows: _order[_start[g] .. _start[g + 1])
    private readonly double[] _u;
    private readonly double[] _nodes;
    private readonly double[] _weights;

    public LaplaceDeviance(ModelFrame frame, GlmmFamily family, int nagq)
    {
        _family = family;
        _x = frame.X;
        _y = frame.Y.ToArray();
        var block = frame.RandomBlocks[0];
        Q = block.Terms.Count;
        Groups = block.Levels.Count;
        _z = new double[frame.Count * Q];
        for (var i = 0; i < frame.Count; i++)
        {
            for (var k = 0; k < Q; k++)
            {
                _z[(i * Q) + k] = block.Z[i, k];
            }
        }
        (_order, _start) = GroupRows(block.GroupIndex, Groups);
        _u = new double[Groups * Q];
        (_nodes, _weights) = GaussHermite.Nodes(nagq);
    }

    /// <summary>Random effects per group.</summary>
    public int Q { get; }

    /// <summary>Number of groups.</summary>
    public int Groups { get; }

    /// <summary>Number of θ parameters (lower triangle of Λ, column-major as lme4).</summary>
    public int ThetaCount => Q * (Q + 1) / 2;

    /// <summary>The conditional modes of the spherical random effects at the last evaluation.</summary>
    public double[] Modes => _u;

    /// <summary>Λ (q × q lower triangular) from θ, column-major lower triangle as lme4.</summary>
    public double[,] Lambda(ReadOnlySpan<double> theta)
    {
        var lambda = new double[Q, Q];
        var t = 0;
        for (var c = 0; c < Q; c++)
        {
            for (var r = c; r < Q; r++)
            {
                lambda[r, c] = theta[t++];
            }
        }
        return lambda;
    }

    /// <summary>The deviance at parameters (θ, β) concatenated.</summary>
    public double Evaluate(double[] parameters)
    {
        var lambda = Lambda(parameters.AsSpan(0, ThetaCount));
        var beta = Vector<double>.Build.DenseOfArray(parameters[ThetaCount..]);
        var offset = (_x * beta).AsArray() ?? (_x * beta).ToArray();
        var total = 0.0;
        for (var g = 0; g < Groups; g++)
        {
            total += Group(g, lambda, offset);
            if (double.IsNaN(total))
            {
                return double.PositiveInfinity;
            }
        }
        return total;
    }

    /// <summary>One group's contribution: PIRLS to the mode, then Laplace or AGQ.</summary>
    private double Group(int g, double[,] lambda, double[] offset)
    {
        var u = new double[Q];
        Array.Copy(_u, g * Q, u, 0, Q);
        var h = Penalized(g, lambda, offset, u);
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var (gradient, hessian) = Derivatives(g, lambda, offset, u);
            var step = SmallCholesky.Solve(hessian, gradient);
            var trial = new double[Q];
            var improved = false;
            for (var halving = 0; halving < 30; halving++)
            {
                for (var k = 0; k < Q; k++)
                {
                    trial[k] = u[k] - step[k];
                }
                var value = Penalized(g, lambda, offset, trial);
                if (value <= h + 1e-12)
                {
                    improved = h - value > 1e-11 * (1 + Math.Abs(h));
                    (u, h) = (trial, value);
                    break;
                }
                for (var k = 0; k < Q; k++)
                {
                    step[k] /= 2;
                }
            }
            if (!improved)
            {
                break;
            }
        }
        Array.Copy(u, 0, _u, g * Q, Q);
        var (_, curvature) = Derivatives(g, lambda, offset, u);
        var logDet = SmallCholesky.LogDeterminant(curvature, 0.5); // |Λ'Z'WZΛ + I| from H/2
        return _nodes.Length == 1 ? h + logDet : Quadrature(g, lambda, offset, u[0], h, curvature[0, 0] / 2);
    }

    /// <summary>Adaptive Gauss–Hermite for a scalar random effect: log M − 2 log Σ wₖ exp(−h(u* + tₖ/√M)/2 + tₖ²/2).</summary>
    private double Quadrature(int g, double[,] lambda, double[] offset, double mode, double hMode, double m)
    {
        var scale = 1 / Math.Sqrt(m);
        var sum = 0.0;
        for (var k = 0; k < _nodes.Length; k++)
        {
            var h = Penalized(g, lambda, offset, [mode + (scale * _nodes[k])]);
            sum += _weights[k] * Math.Exp((-(h - hMode) / 2) + (_nodes[k] * _nodes[k] / 2));
        }
        return hMode + Math.Log(m) - (2 * Math.Log(sum));
    }

    /// <summary>Σ dev(y | η) + u'u over group g's rows.</summary>
    private double Penalized(int g, double[,] lambda, double[] offset, double[] u)
    {
        var b = Times(lambda, u);
        var value = 0.0;
        for (var k = 0; k < Q; k++)
        {
            value += u[k] * u[k];
        }
        for (var s = _start[g]; s < _start[g + 1]; s++)
        {
            var i = _order[s];
            var eta = offset[i] + Dot(i, b);
            value += _family.Deviance(_y[i], eta, _family.Mean(eta));
        }
        return value;
    }

    /// <summary>Gradient −2Λ'Σ(y − μ)z + 2u and Hessian 2Λ'(Σ w z z')Λ + 2I of the penalized deviance in u.</summary>
    private (double[] Gradient, double[,] Hessian) Derivatives(int g, double[,] lambda, double[] offset, double[] u)
    {
        var b = Times(lambda, u);
        var score = new double[Q];
        var information = new double[Q, Q];
        for (var s = _start[g]; s < _start[g + 1]; s++)
        {
            var i = _order[s];
            var eta = offset[i] + Dot(i, b);
            var mu = _family.Mean(eta);
            var w = _family.Weight(mu);
            for (var k = 0; k < Q; k++)
            {
                var zk = _z[(i * Q) + k];
                score[k] += (_y[i] - mu) * zk;
                for (var l = 0; l <= k; l++)
                {
                    information[k, l] += w * zk * _z[(i * Q) + l];
                }
            }
        }
        var gradient = new double[Q];
        var hessian = new double[Q, Q];
        for (var a = 0; a < Q; a++)
        {
            for (var k = 0; k < Q; k++)
            {
                gradient[a] += -2 * lambda[k, a] * score[k];
            }
            gradient[a] += 2 * u[a];
            for (var c = 0; c < Q; c++)
            {
                var v = 0.0;
                for (var k = 0; k < Q; k++)
                {
                    for (var l = 0; l < Q; l++)
                    {
                        v += lambda[k, a] * (k >= l ? information[k, l] : information[l, k]) * lambda[l, c];
                    }
                }
                hessian[a, c] = (2 * v) + (a == c ? 2 : 0);
            }
        }
        return (gradient, hessian);
    }

    private double[] Times(double[,] lambda, double[] u)
    {
        var b = new double[Q];
        for (var r = 0; r < Q; r++)
        {
            for (var c = 0; c <= r; c++)
            {
                b[r] += lambda[r, c] * u[c];
            }
        }
        return b;
    }

    private double Dot(int row, double[] b)
    {
        var v = 0.0;
        for (var k = 0; k < Q; k++)
        {
            v += _z[(row * Q) + k] * b[k];
        }
        return v;
    }

    /// <summary>Rows sorted by group (a counting sort) and each group's start.</summary>
    private static (int[] Order, int[] Start) GroupRows(int[] groupIndex, int groups)
    {
        var start = new int[groups + 1];
        foreach (var g in groupIndex)
        {
            start[g + 1]++;
        }
        for (var g = 0; g < groups; g++)
        {
            start[g + 1] += start[g];
        }
        var next = (int[])start.Clone();
        var order = new int[groupIndex.Length];
        for (var i = 0; i < groupIndex.Length; i++)
        {
            order[next[groupIndex[i]]++] = i;
        }
        return (order, start);
    }
}
