using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Models.Optimization;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Models.Glmm;

/// <summary>
/// Generalized linear mixed models as lme4's <c>glmer</c> fits them (Bates, Mächler, Bolker &amp; Walker 2015):
/// the Laplace approximation (or adaptive Gauss–Hermite with <see cref="GlmmOptions.Nagq"/> &gt; 1 for one scalar
/// random effect) of the marginal deviance is minimised over the covariance parameters θ and the fixed effects β
/// together (glmer's second stage, <see cref="LaplaceDeviance"/>) from the first stage's optimum
/// (<see cref="FirstStage"/>), by a simplex search then projected Newton polishing (for one scalar random effect with
/// the Laplace approximation, the group-by-group <see cref="ScalarFirstStage"/> and <see cref="ScalarLaplaceDeviance"/>
/// compute the same functions on all cores, and Newton starts from the first stage's optimum). Fixed-effect standard errors
/// come from the central-difference Hessian H of that deviance over (θ, β) (lme4's <c>deriv12</c>):
/// Var(β̂) = the β block of 2H⁻¹, as lme4's <c>vcov.merMod</c>/<c>summary</c>. The RX-based covariance
/// (X'WX − X'WZΛ(Λ'Z'WZΛ + I)⁻¹Λ'Z'WX)⁻¹ (lme4's <c>vcov(m, use.hessian = FALSE)</c>) is used instead for a boundary
/// (singular) fit and, as lme4, when 2H⁻¹ is not positive definite. lme4 1.1-31's summary still inverts the Hessian
/// at a boundary: with every variance at 0 the two agree to ~1e-4 (the deviance is even in θ, so the θ–β cross
/// derivatives vanish), but with one variance on the boundary and another positive they can differ by ~15 %. One grouping factor (random intercept and/or correlated
/// slopes); binomial (0/1) and Poisson responses with canonical links.
/// </summary>
public static class GeneralizedLinearMixedModel
{
    /// <summary>A variance parameter below this is on its boundary (lme4's <c>getSingTol()</c>): no Hessian, RX-based SEs.</summary>
    private const double SingularTolerance = 1e-4;

    /// <summary>Fits the model; <paramref name="sourceLines"/> (per table row) lets data errors name their line.</summary>
    /// <exception cref="NmtInputException">Wrong random-effects structure, invalid responses, complete separation.</exception>
    public static GlmmFit Fit(ModelFrame frame, GlmmOptions? options = null, IReadOnlyList<long>? sourceLines = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        options ??= new GlmmOptions();
        Validate(frame, options, sourceLines);
        var rows = new GroupedRows(frame, options.Family);
        var k = rows.ThetaCount;
        var p = frame.X.ColumnCount;
        CheckSeparation(frame, options.Family, GlmStart(frame, options.Family));
        var thetaLower = Enumerable.Range(0, k).Select(i => IsDiagonal(i, rows.Q) ? 0.0 : double.NegativeInfinity).ToArray();
        var (theta1, beta1, deviance) = RunFirstStage(rows, frame.X, options, thetaLower);
        CheckSeparation(frame, options.Family, beta1);
        var lower = thetaLower.Concat(Enumerable.Repeat(double.NegativeInfinity, p)).ToArray();
        var polished = SecondStage(deviance, [.. theta1, .. beta1], lower);
        var optimum = polished.Minimizer;
        var value = deviance.Evaluate(optimum);
        var (first, second) = CentralDifferences.Compute(deviance.Evaluate, optimum, value);
        deviance.Evaluate(optimum); // restore the modes and weights at the optimum
        var hessian = Matrix<double>.Build.DenseOfArray(second);
        var gradient = Vector<double>.Build.DenseOfArray(first);
        var betaHat = optimum[k..];
        CheckSeparation(frame, options.Family, betaHat);
        var singular = Enumerable.Range(0, k).Any(i => IsDiagonal(i, rows.Q) && optimum[i] < SingularTolerance);
        var fixedCovariance = singular ? null : HessianCovariance(hessian, k, p);
        var fromRx = fixedCovariance is null;
        fixedCovariance ??= deviance.RxCovariance(optimum[..k]);
        var scaledGradient = hessian.Solve(gradient).AbsoluteMaximum();
        var positive = hessian.Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum() > 0;
        var converged = polished.Converged && positive && scaledGradient < 0.002;
        var theta = optimum[..k];
        return new GlmmFit
        {
            Frame = frame,
            Family = options.Family,
            Nagq = options.Nagq,
            FixedEffects = frame.FixedNames.Select((name, j) =>
                WaldInference.Estimate(name, betaHat[j], Math.Sqrt(fixedCovariance[j, j]), double.PositiveInfinity, options.ConfidenceLevel)).ToList(),
            FixedCovariance = fixedCovariance,
            VarianceComponents = Components(frame.RandomBlocks[0], rows.Lambda(theta), out var correlations),
            RandomCorrelations = correlations,
            Theta = theta,
            NumberOfGroups = new Dictionary<string, int> { [frame.RandomBlocks[0].Group] = rows.Groups },
            LogLikelihood = -0.5 * value,
            Converged = converged,
            MaxGradient = gradient.AbsoluteMaximum(),
            Warnings = Warnings(theta, rows.Q, converged, positive, scaledGradient, fromRx && !singular),
        };
    }

    /// <summary>
    /// glmer's first stage and the second stage's deviance from its linear predictor: for one scalar random effect
    /// with the Laplace approximation the group-by-group evaluators (<see cref="ScalarFirstStage"/>,
    /// <see cref="ScalarLaplaceDeviance"/>, the same functions computed faster), otherwise the general ones.
    /// </summary>
    private static (double[] Theta, double[] Beta, IGlmmDeviance Deviance) RunFirstStage(GroupedRows rows, Matrix<double> x, GlmmOptions options, double[] lower)
    {
        double[] start = [.. StartTheta(rows.Q)];
        if (rows.Q == 1 && options.Nagq == 1)
        {
            var scalar = new ScalarGroupRows(rows, x);
            var (theta, beta, lp0) = new ScalarFirstStage(scalar, options.PirlsTolerance).Fit(start, lower);
            return (theta, beta, new ScalarLaplaceDeviance(scalar, options.PirlsTolerance, lp0));
        }
        var (theta1, beta1, eta) = new FirstStage(rows, x, options.PirlsTolerance).Fit(start, lower);
        return (theta1, beta1, new LaplaceDeviance(rows, x, options.Nagq, options.PirlsTolerance, eta));
    }

    /// <summary>
    /// Minimises the second-stage deviance from the first stage's (θ, β): a simplex search then projected Newton
    /// polishing; the group-by-group evaluator, whose start is already close, goes straight to Newton. The gradient
    /// tolerance grows with the deviance (1e-10 of it, at least 1e-6): its rounding noise, and so that of a
    /// finite-difference gradient, is proportional to the number of observations.
    /// </summary>
    private static OptimizationResult SecondStage(IGlmmDeviance deviance, double[] start, double[] lower)
    {
        var tolerance = Math.Max(1e-6, 1e-10 * Math.Abs(deviance.Evaluate(start)));
        if (deviance is not ScalarLaplaceDeviance)
        {
            start = BoundedNelderMead.Minimize(deviance.Evaluate, start, lower, null,
                new NelderMeadSettings { InitialStep = 0.05, FunctionTolerance = 1e-9, ParameterTolerance = 1e-5, MaxRestarts = 0 }).Minimizer;
        }
        return ProjectedNewtonPolish.Polish(deviance.Evaluate, start, lower, 30, tolerance);
    }

    private static void Validate(ModelFrame frame, GlmmOptions options, IReadOnlyList<long>? lines)
    {
        if (frame.RandomBlocks.Count != 1)
        {
            throw new NmtInputException($"--model glmm needs exactly one random-effects term such as (1 | client_id) or (1 + session | client_id); '{frame.Formula}' has {frame.RandomBlocks.Count}.");
        }
        if (options.Nagq < 1 || (options.Nagq > 1 && frame.RandomBlocks[0].Terms.Count != 1))
        {
            throw new NmtInputException("--nagq above 1 (adaptive Gauss-Hermite) needs a single scalar random effect such as (1 | client_id); use --nagq 1 (Laplace) otherwise.");
        }
        string Where(int i) => lines is null ? $"observation {i + 1}" : $"line {lines[frame.UsedRows[i]]}";
        for (var i = 0; i < frame.Count; i++)
        {
            var y = frame.Y[i];
            if (options.Family == GlmmFamily.Binomial && y is not (0 or 1))
            {
                throw new NmtInputException($"{Where(i)}, column {frame.ResponseName}: a binomial GLMM needs a 0/1 (or two-level) response, got {y.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (options.Family == GlmmFamily.Poisson && (y < 0 || y != Math.Floor(y)))
            {
                throw new NmtInputException($"{Where(i)}, column {frame.ResponseName}: a Poisson GLMM needs non-negative whole counts, got {y.ToString(CultureInfo.InvariantCulture)}.");
            }
        }
    }

    /// <summary>
    /// β from the GLM without random effects (IRLS, from glm's <c>mustart</c>), for the separation check before the
    /// mixed-model search: one pass over the rows per iteration accumulating X'WX and X'Wz.
    /// </summary>
    private static double[] GlmStart(ModelFrame frame, GlmmFamily family)
    {
        var columns = frame.X.ToColumnArrays();
        var (n, p) = (frame.Count, columns.Length);
        var y = frame.Y.ToArray();
        var mu = y.Select(v => family == GlmmFamily.Binomial ? (v + 0.5) / 2 : v + 0.1).ToArray();
        var eta = mu.Select(m => family == GlmmFamily.Binomial ? Math.Log(m / (1 - m)) : Math.Log(m)).ToArray();
        var beta = Vector<double>.Build.Dense(p);
        for (var iteration = 0; iteration < 25; iteration++)
        {
            var xwx = new double[p * p];
            var xwz = new double[p];
            for (var i = 0; i < n; i++)
            {
                var w = family.Weight(mu[i]);
                var z = eta[i] + ((y[i] - mu[i]) / w);
                for (var j = 0; j < p; j++)
                {
                    var wx = w * columns[j][i];
                    xwz[j] += wx * z;
                    for (var l = 0; l <= j; l++)
                    {
                        xwx[(j * p) + l] += wx * columns[l][i];
                    }
                }
            }
            var next = Matrix<double>.Build.Dense(p, p, (j, l) => xwx[(Math.Max(j, l) * p) + Math.Min(j, l)]).Solve(Vector<double>.Build.DenseOfArray(xwz));
            var change = (next - beta).AbsoluteMaximum();
            beta = next;
            for (var i = 0; i < n; i++)
            {
                var e = 0.0;
                for (var j = 0; j < p; j++)
                {
                    e += columns[j][i] * beta[j];
                }
                eta[i] = e;
                mu[i] = family.Mean(e);
            }
            if (change < 1e-8)
            {
                break;
            }
        }
        CheckSeparation(frame, family, beta.ToArray());
        return beta.ToArray();
    }

    /// <summary>Complete separation: the fitted linear predictor runs off to ±∞ (probabilities of exactly 0 or 1).</summary>
    private static void CheckSeparation(ModelFrame frame, GlmmFamily family, double[] beta)
    {
        if (family != GlmmFamily.Binomial)
        {
            return;
        }
        var eta = frame.X * Vector<double>.Build.DenseOfArray(beta);
        if (beta.Any(b => !double.IsFinite(b)) || eta.AbsoluteMaximum() > 30)
        {
            throw new NmtInputException($"complete separation in '{frame.Formula}': some combination of predictors predicts {frame.ResponseName} perfectly, so its coefficients are infinite. Remove or merge the predictor(s) concerned.");
        }
    }

    private static IEnumerable<double> StartTheta(int q)
    {
        for (var c = 0; c < q; c++)
        {
            for (var r = c; r < q; r++)
            {
                yield return r == c ? 1 : 0;
            }
        }
    }

    private static bool IsDiagonal(int index, int q)
    {
        var t = 0;
        for (var c = 0; c < q; c++)
        {
            for (var r = c; r < q; r++)
            {
                if (t++ == index)
                {
                    return r == c;
                }
            }
        }
        return false;
    }

    private static List<VarianceComponent> Components(RandomEffectBlock block, double[,] lambda, out List<RandomEffectCorrelation> correlations)
    {
        var q = block.Terms.Count;
        var sigma = new double[q, q];
        for (var a = 0; a < q; a++)
        {
            for (var b = 0; b < q; b++)
            {
                for (var k = 0; k < q; k++)
                {
                    sigma[a, b] += lambda[a, k] * lambda[b, k];
                }
            }
        }
        var components = Enumerable.Range(0, q).Select(a => new VarianceComponent(block.Group, block.Terms[a], sigma[a, a], Math.Sqrt(sigma[a, a]))).ToList();
        correlations = [];
        for (var a = 0; a < q; a++)
        {
            for (var b = a + 1; b < q; b++)
            {
                var denominator = Math.Sqrt(sigma[a, a] * sigma[b, b]);
                correlations.Add(new RandomEffectCorrelation(block.Group, block.Terms[a], block.Terms[b], denominator > 0 ? sigma[a, b] / denominator : double.NaN));
            }
        }
        return components;
    }

    /// <summary>
    /// Var(β̂) as lme4's <c>vcov.merMod</c> with its Hessian: the β block of 2H⁻¹, symmetrized; null when it is not
    /// positive definite (lme4 then falls back to the RX-based covariance).
    /// </summary>
    private static Matrix<double>? HessianCovariance(Matrix<double> hessian, int k, int p)
    {
        var inverse = hessian.Inverse().SubMatrix(k, p, k, p);
        var covariance = inverse + inverse.Transpose();
        var ok = covariance.Enumerate().All(double.IsFinite)
            && covariance.Evd(Symmetricity.Symmetric).EigenValues.Real().Minimum() > 0;
        return ok ? covariance : null;
    }

    private static List<string> Warnings(double[] theta, int q, bool converged, bool positive, double scaledGradient, bool rxFallback)
    {
        var warnings = new List<string>();
        if (rxFallback)
        {
            warnings.Add("the covariance of the fixed effects from the Hessian is not positive definite: standard errors use the RX approximation (as lme4).");
        }
        if (Enumerable.Range(0, theta.Length).Any(i => IsDiagonal(i, q) && theta[i] < 1e-4))
        {
            warnings.Add("boundary (singular) fit: a random-effect variance is estimated as zero.");
        }
        if (!positive)
        {
            warnings.Add("the Hessian of the deviance is not positive definite: standard errors are unreliable.");
        }
        else if (!converged)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"the optimiser did not converge (scaled gradient {scaledGradient:G3}, lme4's tolerance 0.002)."));
        }
        return warnings;
    }
}
