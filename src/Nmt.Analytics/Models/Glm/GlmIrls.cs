using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Nmt.Analytics.Models.Glm;

/// <summary>The converged (or last) state of the IRLS loop.</summary>
/// <param name="Beta">Coefficients of the non-aliased columns.</param>
/// <param name="Eta">Linear predictor.</param>
/// <param name="Mu">Fitted means.</param>
/// <param name="Unscaled">(XᵀWX)⁻¹ at the last weights (R's <c>cov.unscaled</c>).</param>
/// <param name="Weights">The working weights W of the last least-squares step (R's <c>fit$weights</c>).</param>
/// <param name="Iterations">Iterations used (R's <c>iter</c>).</param>
/// <param name="Converged">True when the deviance change met the tolerance.</param>
/// <param name="Boundary">True when a step had to be halved to stay inside the valid region (R's <c>boundary</c>).</param>
internal sealed record GlmIrlsResult(Vector<double> Beta, Vector<double> Eta, Vector<double> Mu, Matrix<double> Unscaled, Vector<double> Weights, int Iterations, bool Converged, bool Boundary);

/// <summary>
/// Iteratively reweighted least squares exactly as R's <c>glm.fit</c> (R Core Team, <c>src/library/stats/R/glm.R</c>;
/// McCullagh &amp; Nelder 1989, §2.5): start from the family's μ, solve the weighted least-squares problem of the working
/// response by QR, halve the step while the deviance is not finite or μ is invalid, stop on the relative deviance change.
/// </summary>
internal static class GlmIrls
{
    public static GlmIrlsResult Run(Matrix<double> x, Vector<double> y, GlmFamily family, GlmLink link, GlmOptions options)
    {
        var mu = y.Map(family.Start);
        var eta = mu.Map(link.Link);
        if (eta.Any(e => !double.IsFinite(e)))
        {
            throw new NmtInputException($"cannot find valid starting values for the {family.Name} family with the {link.Name} link (e.g. a response of 0 under a log link).");
        }
        var devOld = Deviance(family, y, mu);
        Vector<double>? betaOld = null;
        var beta = Vector<double>.Build.Dense(x.ColumnCount);
        var unscaled = Matrix<double>.Build.Dense(x.ColumnCount, x.ColumnCount);
        var weights = Vector<double>.Build.Dense(y.Count);
        var boundary = false;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            (beta, unscaled, weights) = WeightedStep(x, y, eta, mu, family, link);
            (eta, mu) = Predict(x, beta, link);
            var dev = Deviance(family, y, mu);
            for (var halving = 0; !(double.IsFinite(dev) && mu.All(family.ValidMu)); halving++)
            {
                if (betaOld is null || halving >= options.MaxIterations)
                {
                    throw new NmtInputException($"no valid set of coefficients found for the {family.Name} family with the {link.Name} link; the model may not suit the data.");
                }
                boundary = true;
                beta = (beta + betaOld) / 2; // R's step halving
                (eta, mu) = Predict(x, beta, link);
                dev = Deviance(family, y, mu);
            }
            if (Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1) < options.Epsilon)
            {
                return new GlmIrlsResult(beta, eta, mu, unscaled, weights, iteration, true, boundary);
            }
            devOld = dev;
            betaOld = beta;
        }
        return new GlmIrlsResult(beta, eta, mu, unscaled, weights, options.MaxIterations, false, boundary);
    }

    /// <summary>Σ unit deviances.</summary>
    public static double Deviance(GlmFamily family, Vector<double> y, Vector<double> mu)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            sum += family.UnitDeviance(y[i], mu[i]);
        }
        return sum;
    }

    /// <summary>One weighted least-squares solve of the working response z = η + (y − μ)/μ′ with weights μ′²/V(μ).</summary>
    private static (Vector<double> Beta, Matrix<double> Unscaled, Vector<double> Weights) WeightedStep(Matrix<double> x, Vector<double> y, Vector<double> eta, Vector<double> mu, GlmFamily family, GlmLink link)
    {
        var muEta = eta.Map(link.MuEta);
        var z = Vector<double>.Build.Dense(y.Count, i => eta[i] + (y[i] - mu[i]) / muEta[i]);
        var w = Vector<double>.Build.Dense(y.Count, i => Math.Sqrt(muEta[i] * muEta[i] / family.Variance(mu[i])));
        var weighted = x.Clone();
        for (var i = 0; i < x.RowCount; i++)
        {
            weighted.SetRow(i, x.Row(i) * w[i]);
        }
        var qr = weighted.QR(QRMethod.Thin);
        var rInverse = qr.R.Inverse();
        return (qr.Solve(z.PointwiseMultiply(w)), rInverse * rInverse.Transpose(), w.PointwiseMultiply(w));
    }

    private static (Vector<double> Eta, Vector<double> Mu) Predict(Matrix<double> x, Vector<double> beta, GlmLink link)
    {
        var eta = x * beta;
        return (eta, eta.Map(link.Inverse));
    }
}
