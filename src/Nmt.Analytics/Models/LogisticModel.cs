using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Models;

/// <summary>
/// Logistic regression by iteratively reweighted least squares (McCullagh &amp; Nelder 1989, §2.5), following
/// R's <c>glm.fit</c> step for step (start μ = (y + ½)/2, convergence on the relative deviance change,
/// the logit link clamped at |η| = 30), so estimates agree with R to rounding. Separation is flagged
/// (Albert &amp; Anderson 1984) rather than silently reported with huge standard errors.
/// </summary>
public static class LogisticModel
{
    private const double LinkThreshold = 30;
    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>Fits logit P(y = 1) = Xβ on a model frame with a 0/1 (or two-level categorical) response.</summary>
    /// <exception cref="NmtInputException">A response other than 0/1, or too few observations.</exception>
    public static LogisticFit Fit(ModelFrame frame, LogisticOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        options ??= new LogisticOptions();
        Validate(frame);
        Validate(options);
        // glm.fit's QR tolerance: min(1e-7, epsilon / 1000).
        var aliased = AliasDetector.Aliased(frame.X, Math.Min(1e-7, options.Epsilon / 1000));
        var keep = Enumerable.Range(0, aliased.Length).Where(j => !aliased[j]).ToArray();
        var x = Matrix<double>.Build.DenseOfColumnVectors(keep.Select(frame.X.Column));
        if (x.RowCount <= x.ColumnCount)
        {
            throw new NmtInputException($"'{frame.Formula}': {x.RowCount} observations cannot estimate {x.ColumnCount} coefficients.");
        }
        var irls = Irls(x, frame.Y, options);
        var mu = irls.Eta.Map(LinkInverse);
        var deviance = Deviance(frame.Y, mu);
        var nullMu = frame.HasIntercept ? frame.Y.Average() : 0.5;
        var separation = SeparationSigns(mu, deviance, irls, keep, frame.FixedNames);
        var coefficients = Coefficients(frame.FixedNames, aliased, irls.Beta, irls.Covariance, options.Level);
        return new LogisticFit
        {
            Formula = frame.Formula,
            Coefficients = coefficients,
            Aliased = aliased,
            Covariance = irls.Covariance,
            Count = x.RowCount,
            Rank = x.ColumnCount,
            Deviance = deviance,
            NullDeviance = Deviance(frame.Y, Vector<double>.Build.Dense(frame.Count, nullMu)),
            DfNull = frame.Count - (frame.HasIntercept ? 1 : 0),
            LogLikelihood = -deviance / 2, // 0/1 data: log L = −D/2 (the saturated model has log L = 0)
            Iterations = irls.Iterations,
            Converged = irls.Converged,
            SeparationSuspected = separation.Count > 0,
            FittedProbabilities = mu,
            Level = options.Level,
            Exclusions = frame.Exclusions,
            Notes = Notes(frame, aliased, irls, options, separation),
        };
    }

    private static void Validate(ModelFrame frame)
    {
        if (frame.Y.Any(v => v is not (0 or 1)))
        {
            throw new NmtInputException($"logistic regression needs a 0/1 (or two-level) response; '{frame.ResponseName}' has other values (e.g. {frame.Y.First(v => v is not (0 or 1))}).");
        }
        if (frame.X.ColumnCount == 0)
        {
            throw new NmtInputException($"'{frame.Formula}' has no coefficients to estimate.");
        }
    }

    private static void Validate(LogisticOptions options)
    {
        if (options.Level is <= 0 or >= 1)
        {
            throw new NmtInputException($"the confidence level must be between 0 and 1 (got {options.Level}).");
        }
        if (options.MaxIterations < 1 || options.Epsilon <= 0)
        {
            throw new NmtInputException("logistic regression needs at least one iteration and a positive tolerance.");
        }
    }

    private sealed record IrlsResult(Vector<double> Beta, Vector<double> Eta, Matrix<double> Covariance, int Iterations, bool Converged);

    /// <summary>R's <c>glm.fit</c> loop for the binomial family with logit link.</summary>
    private static IrlsResult Irls(Matrix<double> x, Vector<double> y, LogisticOptions options)
    {
        var mu = y.Map(v => (v + 0.5) / 2);
        var eta = mu.Map(m => Math.Log(m / (1 - m)));
        var devOld = Deviance(y, mu);
        Vector<double>? betaOld = null;
        Vector<double> beta = Vector<double>.Build.Dense(x.ColumnCount);
        Matrix<double> covariance = Matrix<double>.Build.Dense(x.ColumnCount, x.ColumnCount);
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var muEta = eta.Map(MuEta);
            var z = Vector<double>.Build.Dense(y.Count, i => eta[i] + (y[i] - mu[i]) / muEta[i]);
            var w = Vector<double>.Build.Dense(y.Count, i => Math.Sqrt(muEta[i] * muEta[i] / (mu[i] * (1 - mu[i]))));
            var weighted = x.Clone();
            for (var i = 0; i < x.RowCount; i++)
            {
                weighted.SetRow(i, x.Row(i) * w[i]);
            }
            var qr = weighted.QR(QRMethod.Thin);
            beta = qr.Solve(z.PointwiseMultiply(w));
            var rInverse = qr.R.Inverse();
            covariance = rInverse * rInverse.Transpose();
            eta = x * beta;
            mu = eta.Map(LinkInverse);
            var dev = Deviance(y, mu);
            for (var halving = 0; !double.IsFinite(dev) && betaOld is not null && halving < options.MaxIterations; halving++)
            {
                beta = (beta + betaOld) / 2; // R's step halving when the deviance is not finite
                eta = x * beta;
                mu = eta.Map(LinkInverse);
                dev = Deviance(y, mu);
            }
            if (Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1) < options.Epsilon)
            {
                return new IrlsResult(beta, eta, covariance, iteration, true);
            }
            devOld = dev;
            betaOld = beta;
        }
        return new IrlsResult(beta, eta, covariance, options.MaxIterations, false);
    }

    /// <summary>R's <c>logit_linkinv</c>: η clamped at ±30 so μ stays inside (0, 1).</summary>
    private static double LinkInverse(double eta)
    {
        var t = eta < -LinkThreshold ? Epsilon : eta > LinkThreshold ? 1 / Epsilon : Math.Exp(eta);
        return t / (1 + t);
    }

    /// <summary>R's <c>logit_mu_eta</c>: dμ/dη.</summary>
    private static double MuEta(double eta)
    {
        var opexp = 1 + Math.Exp(eta);
        return eta is > LinkThreshold or < -LinkThreshold ? Epsilon : Math.Exp(eta) / (opexp * opexp);
    }

    private static double Deviance(Vector<double> y, Vector<double> mu)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            sum += 2 * (YLogY(y[i], mu[i]) + YLogY(1 - y[i], 1 - mu[i]));
        }
        return sum;
    }

    private static double YLogY(double y, double mu) => y != 0 ? y * Math.Log(y / mu) : 0;

    /// <summary>Signs of separation: fitted probabilities numerically 0 or 1 (R's warning), a perfect fit, or diverging coefficients.</summary>
    private static List<string> SeparationSigns(Vector<double> mu, double deviance, IrlsResult irls, int[] keep, IReadOnlyList<string> names)
    {
        var signs = new List<string>();
        var eps = 10 * Epsilon;
        if (mu.Any(m => m > 1 - eps || m < eps))
        {
            signs.Add("fitted probabilities numerically 0 or 1 occurred");
        }
        if (deviance < 1e-6 * mu.Count)
        {
            signs.Add("the model predicts every outcome perfectly (complete separation)");
        }
        var diverging = Enumerable.Range(0, keep.Length)
            .Where(k => Math.Abs(irls.Beta[k]) > 5 && Math.Sqrt(irls.Covariance[k, k]) > 10 * Math.Abs(irls.Beta[k]))
            .Select(k => names[keep[k]]).ToList();
        if (diverging.Count > 0)
        {
            signs.Add($"coefficients with huge standard errors, likely diverging to infinity: {string.Join(", ", diverging)}");
        }
        return signs;
    }

    private static List<TermEstimate> Coefficients(IReadOnlyList<string> names, bool[] aliased, Vector<double> beta, Matrix<double> v, double level)
    {
        var result = new List<TermEstimate>(names.Count);
        var k = 0;
        for (var j = 0; j < names.Count; j++)
        {
            if (aliased[j])
            {
                result.Add(WaldInference.Estimate(names[j], double.NaN, double.NaN, double.PositiveInfinity, level));
                continue;
            }
            result.Add(WaldInference.Estimate(names[j], beta[k], Math.Sqrt(v[k, k]), double.PositiveInfinity, level));
            k++;
        }
        return result;
    }

    private static List<string> Notes(ModelFrame frame, bool[] aliased, IrlsResult irls, LogisticOptions options, List<string> separation)
    {
        var notes = new List<string>();
        if (ExclusionNotes.Describe(frame.Exclusions) is { } excluded)
        {
            notes.Add(excluded);
        }
        var dropped = frame.FixedNames.Where((_, j) => aliased[j]).ToList();
        if (dropped.Count > 0)
        {
            notes.Add($"{dropped.Count} coefficient(s) not defined because of singularities (R shows NA): {string.Join(", ", dropped)}.");
        }
        if (frame.ResponseLevels is { } levels)
        {
            notes.Add($"Response '{frame.ResponseName}': modelling P({levels[1]}) against {levels[0]}.");
        }
        if (!irls.Converged)
        {
            notes.Add($"Warning: the IRLS algorithm did not converge in {options.MaxIterations} iterations; estimates are unreliable.");
        }
        if (separation.Count > 0)
        {
            notes.Add($"Warning: possible (quasi-)complete separation (Albert & Anderson 1984): {string.Join("; ", separation)}. "
                + "Maximum-likelihood estimates may not exist; consider fewer predictors, merging sparse categories, or penalised (Firth) regression.");
        }
        notes.Add("Wald z tests and intervals; odds ratios are exp(estimate).");
        return notes;
    }
}
