using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Models.Glm;

/// <summary>
/// Generalized linear models with a pluggable <see cref="GlmFamily"/> and <see cref="GlmLink"/> (Nelder &amp; Wedderburn 1972),
/// fitted by R's <c>glm.fit</c> algorithm and summarised as R's <c>summary.glm</c>: Wald z tests for families with a
/// fixed dispersion (binomial, poisson), t tests with the residual df and the Pearson dispersion for gaussian.
/// Aliased columns are detected as R does and reported with NaN estimates (R's <c>NA</c>).
/// </summary>
public static class GeneralizedLinearModel
{
    /// <summary>Fits g(E[y]) = Xβ on a model frame.</summary>
    /// <exception cref="NmtInputException">A response the family cannot model, too few observations, or bad options.</exception>
    public static GlmFit Fit(ModelFrame frame, GlmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        options ??= new GlmOptions();
        Validate(frame, options);
        var family = options.Family;
        var link = options.Link ?? family.DefaultLink;
        // glm.fit's QR tolerance: min(1e-7, epsilon / 1000).
        var aliased = AliasDetector.Aliased(frame.X, Math.Min(1e-7, options.Epsilon / 1000));
        var keep = Enumerable.Range(0, aliased.Length).Where(j => !aliased[j]).ToArray();
        var x = Matrix<double>.Build.DenseOfColumnVectors(keep.Select(frame.X.Column));
        if (x.RowCount <= x.ColumnCount)
        {
            throw new NmtInputException($"'{frame.Formula}': {x.RowCount} observations cannot estimate {x.ColumnCount} coefficients.");
        }
        var irls = GlmIrls.Run(x, frame.Y, family, link, options);
        var n = x.RowCount;
        var rank = x.ColumnCount;
        var deviance = GlmIrls.Deviance(family, frame.Y, irls.Mu);
        var dispersion = family.EstimatesDispersion ? PearsonChiSquare(frame.Y, irls, link) / (n - rank) : 1;
        var df = family.EstimatesDispersion ? n - rank : double.PositiveInfinity;
        var covariance = irls.Unscaled * dispersion;
        // R's null model: the weighted mean with an intercept, else μ = g⁻¹(0).
        var nullMu = frame.HasIntercept ? frame.Y.Average() : link.Inverse(0);
        var logLikelihood = rank + family.ExtraParameters - (family.Aic(frame.Y, irls.Mu, deviance) + 2 * rank) / 2; // R's logLik.glm
        var warnings = GlmWarnings.Collect(frame, family, irls, deviance, keep, options);
        return new GlmFit
        {
            Model = options.ModelName,
            Formula = frame.Formula,
            Family = family,
            Link = link,
            Coefficients = AliasDetector.Estimates(frame.FixedNames, aliased, irls.Beta, covariance, df, options.Confidence),
            Aliased = aliased,
            Covariance = covariance,
            Dispersion = dispersion,
            ObservationCount = n,
            Rank = rank,
            Deviance = deviance,
            NullDeviance = GlmIrls.Deviance(family, frame.Y, Vector<double>.Build.Dense(n, nullMu)),
            DfNull = n - (frame.HasIntercept ? 1 : 0),
            LogLikelihood = logLikelihood,
            Iterations = irls.Iterations,
            Converged = irls.Converged,
            SeparationSuspected = warnings.Separation,
            Response = frame.Y,
            Fitted = irls.Mu,
            LinearPredictor = irls.Eta,
            UsedLines = frame.UsedLines,
            Confidence = options.Confidence,
            Exclusions = frame.Exclusions,
            Notes = warnings.Notes,
        };
    }

    private static void Validate(ModelFrame frame, GlmOptions options)
    {
        options.Family.Validate(frame);
        if (frame.X.ColumnCount == 0)
        {
            throw new NmtInputException($"'{frame.Formula}' has no coefficients to estimate.");
        }
        if (options.Confidence is <= 0 or >= 1)
        {
            throw new NmtInputException($"the confidence level must be between 0 and 1 (got {options.Confidence}).");
        }
        if (options.MaxIterations < 1 || options.Epsilon <= 0)
        {
            throw new NmtInputException("a generalized linear model needs at least one iteration and a positive tolerance.");
        }
    }

    /// <summary>
    /// R's <c>summary.glm</c> dispersion numerator: Σ W·r² with r = (y − μ)/μ′(η) the final working residuals and W the
    /// working weights of the last least-squares step (for a canonical link, the Pearson χ²).
    /// </summary>
    private static double PearsonChiSquare(Vector<double> y, GlmIrlsResult irls, GlmLink link)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            var r = (y[i] - irls.Mu[i]) / link.MuEta(irls.Eta[i]);
            sum += irls.Weights[i] * r * r;
        }
        return sum;
    }
}
