using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Models;

/// <summary>
/// Ordinary least squares by QR decomposition (as R's <c>lm</c>), with classical, HC0, HC1, HC3 or cluster-robust CR1
/// standard errors. Aliased columns are detected first (R's pivoting rule) and reported with NaN estimates.
/// </summary>
public static class OlsModel
{
    /// <summary>Fits y = Xβ + ε on a model frame.</summary>
    /// <exception cref="NmtInputException">A categorical response, too few observations, or CR1 without clusters.</exception>
    public static OlsFit Fit(ModelFrame frame, OlsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        options ??= new OlsOptions();
        Validate(frame, options);
        var aliased = AliasDetector.Aliased(frame.X);
        var keep = Enumerable.Range(0, aliased.Length).Where(j => !aliased[j]).ToArray();
        var x = Matrix<double>.Build.DenseOfColumnVectors(keep.Select(frame.X.Column));
        var n = x.RowCount;
        var p = keep.Length;
        if (n <= p)
        {
            throw new NmtInputException($"'{frame.Formula}': {n} observations cannot estimate {p} coefficients; at least {p + 1} are needed.");
        }
        var qr = x.QR(QRMethod.Thin);
        var beta = qr.Solve(frame.Y);
        var fitted = x * beta;
        var residuals = frame.Y - fitted;
        var leverage = Vector<double>.Build.Dense(n, i => qr.Q.Row(i).DotProduct(qr.Q.Row(i)));
        var rInverse = qr.R.Inverse();
        var bread = rInverse * rInverse.Transpose();
        var rss = residuals.DotProduct(residuals);
        var (covariance, df, clusters) = Covariance(options, x, residuals, leverage, bread, rss);
        var coefficients = AliasDetector.Estimates(frame.FixedNames, aliased, beta, covariance, df, options.Confidence);
        var summary = Summary(frame.HasIntercept, fitted, rss, n, p);
        return new OlsFit
        {
            Formula = frame.Formula,
            Coefficients = coefficients,
            Aliased = aliased,
            Covariance = covariance,
            CovarianceType = options.Covariance,
            ObservationCount = n,
            Rank = p,
            ClusterCount = clusters,
            ClusterName = options.ClusterName,
            Confidence = options.Confidence,
            UsedLines = frame.UsedLines,
            Residuals = residuals,
            Fitted = fitted,
            Leverage = leverage,
            RSquared = summary.RSquared,
            AdjustedRSquared = summary.Adjusted,
            Sigma = Math.Sqrt(rss / (n - p)),
            FStatistic = summary.F,
            FDfNumerator = summary.NumeratorDf,
            FPValue = summary.FP,
            ResidualSumOfSquares = rss,
            LogLikelihood = -0.5 * n * (Math.Log(2 * Math.PI) + 1 - Math.Log(n) + Math.Log(rss)), // R's logLik.lm
            Exclusions = frame.Exclusions,
            Notes = Notes(frame, aliased, options, clusters),
        };
    }

    private static void Validate(ModelFrame frame, OlsOptions options)
    {
        if (frame.ResponseLevels is not null)
        {
            throw new NmtInputException($"the response '{frame.ResponseName}' is categorical ({string.Join("/", frame.ResponseLevels)}); use --model logit, or a numeric response for OLS.");
        }
        if (frame.X.ColumnCount == 0)
        {
            throw new NmtInputException($"'{frame.Formula}' has no coefficients to estimate.");
        }
        if (options.Covariance == CovarianceType.CR1 && (options.Clusters is null || options.Clusters.Count != frame.Count))
        {
            throw new NmtInputException("cluster-robust standard errors need one cluster label per observation used.");
        }
        if (options.Confidence is <= 0 or >= 1)
        {
            throw new NmtInputException($"the confidence level must be between 0 and 1 (got {options.Confidence}).");
        }
    }

    /// <summary>Sandwich estimators (White 1980; MacKinnon &amp; White 1985; Cameron &amp; Miller 2015, eq. 11 with the CR1 factor).</summary>
    private static (Matrix<double> V, double Df, int? Clusters) Covariance(
        OlsOptions options, Matrix<double> x, Vector<double> e, Vector<double> h, Matrix<double> bread, double rss)
    {
        var n = x.RowCount;
        var p = x.ColumnCount;
        switch (options.Covariance)
        {
            case CovarianceType.HC0:
                return (Sandwich(bread, x, i => e[i] * e[i]), n - p, null);
            case CovarianceType.HC1:
                return (Sandwich(bread, x, i => e[i] * e[i]) * ((double)n / (n - p)), n - p, null);
            case CovarianceType.HC3:
                // An observation with leverage 1 makes HC3 undefined (R/sandwich give NaN): 0/0.
                return (Sandwich(bread, x, i => h[i] > 1 - 1e-10 ? double.NaN : e[i] * e[i] / ((1 - h[i]) * (1 - h[i]))), n - p, null);
            case CovarianceType.CR1:
                var labels = options.Clusters!;
                var groups = labels.Distinct(StringComparer.Ordinal).Select((l, g) => (l, g)).ToDictionary(t => t.l, t => t.g, StringComparer.Ordinal);
                var g = groups.Count;
                if (g < 2)
                {
                    throw new NmtInputException($"cluster-robust standard errors need at least two clusters; '{options.ClusterName}' has {g}.");
                }
                var scores = Matrix<double>.Build.Dense(g, p);
                for (var i = 0; i < n; i++)
                {
                    scores.SetRow(groups[labels[i]], scores.Row(groups[labels[i]]) + x.Row(i) * e[i]);
                }
                var meat = scores.TransposeThisAndMultiply(scores);
                var factor = g / (g - 1.0) * ((n - 1.0) / (n - p));
                return (bread * meat * bread * factor, g - 1, g);
            default:
                return (bread * (rss / (n - p)), n - p, null);
        }
    }

    private static Matrix<double> Sandwich(Matrix<double> bread, Matrix<double> x, Func<int, double> weight)
    {
        var weighted = x.Clone();
        for (var i = 0; i < x.RowCount; i++)
        {
            weighted.SetRow(i, x.Row(i) * weight(i));
        }
        var meat = x.TransposeThisAndMultiply(weighted);
        return bread * meat * bread;
    }


    /// <summary>R², adjusted R² and F as <c>summary.lm</c> computes them (centred only with an intercept).</summary>
    private static (double RSquared, double Adjusted, double F, double NumeratorDf, double FP) Summary(bool intercept, Vector<double> fitted, double rss, int n, int p)
    {
        var dfIntercept = intercept ? 1 : 0;
        var mean = intercept ? fitted.Average() : 0;
        var mss = fitted.Sum(f => (f - mean) * (f - mean));
        var r2 = mss / (mss + rss);
        var adjusted = 1 - (1 - r2) * ((n - dfIntercept) / (double)(n - p));
        var numeratorDf = p - dfIntercept;
        if (numeratorDf == 0)
        {
            return (r2, adjusted, double.NaN, 0, double.NaN);
        }
        var f = mss / numeratorDf / (rss / (n - p));
        var upper = Distributions.FUpper(f, numeratorDf, n - p);
        return (r2, adjusted, f, numeratorDf, upper);
    }

    private static List<string> Notes(ModelFrame frame, bool[] aliased, OlsOptions options, int? clusters)
    {
        var notes = new List<string>();
        if (ExclusionNotes.Describe(frame.Exclusions) is { } excluded)
        {
            notes.Add(excluded);
        }
        var dropped = frame.FixedNames.Where((_, j) => aliased[j]).ToList();
        if (dropped.Count > 0)
        {
            notes.Add($"{dropped.Count} coefficient(s) not defined because of singularities (aliased with earlier columns; R shows NA): {string.Join(", ", dropped)}.");
        }
        notes.Add(options.Covariance switch
        {
            CovarianceType.HC0 => "Standard errors: heteroskedasticity-robust HC0 (White 1980, no small-sample factor), t tests with n - p df.",
            CovarianceType.HC1 => "Standard errors: heteroskedasticity-robust HC1 (White 1980), t tests with n - p df.",
            CovarianceType.HC3 => "Standard errors: heteroskedasticity-robust HC3 (MacKinnon & White 1985), t tests with n - p df.",
            CovarianceType.CR1 => $"Standard errors: cluster-robust CR1 by {options.ClusterName ?? "cluster"} ({clusters} clusters), t tests with {clusters - 1} df (Cameron & Miller 2015).",
            _ => "Standard errors: classical (homoskedastic).",
        });
        return notes;
    }
}
