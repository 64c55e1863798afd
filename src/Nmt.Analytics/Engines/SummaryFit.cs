using System.Text.Json.Nodes;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Models;
using Nmt.Analytics.Models.Lmm;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Engines;

/// <summary>
/// Fits from sufficient statistics alone: OLS from n, XᵀX, Xᵀy, yᵀy (classical standard errors; the per-row
/// quantities — residuals, leverage, robust covariances — need the rows), and a linear mixed model from the cells,
/// through the same penalized least-squares code as the in-memory fit (<see cref="LinearMixedModel"/>).
/// </summary>
public static class SummaryFit
{
    /// <summary>Checks that <paramref name="request"/> can be fitted from summaries (ols with classical errors, or lmm; session level).</summary>
    /// <exception cref="NmtInputException">The request needs the rows in memory.</exception>
    public static void CheckRequest(FitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Cluster is not null || request.Robust is not null || request.Model is not ("ols" or "lmm"))
        {
            throw new NmtInputException("--engine and --from-summaries fit ols (classical standard errors) and lmm; robust and cluster-robust errors, logit, glm and glmm need the rows in memory.");
        }
        if (request.Compare is not null || request.Inference is not null || request.Level != "session")
        {
            throw new NmtInputException("--compare, --emmeans, --pairwise, --anova and --level episode need the rows in memory; drop --engine/--from-summaries.");
        }
    }

    /// <summary>Fits <paramref name="request"/> (checked by <see cref="CheckRequest"/>): <see cref="Lmm"/> or <see cref="Ols"/>.</summary>
    public static IModelFit Fit(SufficientStatistics statistics, FitRequest request)
    {
        CheckRequest(request);
        return request.Model == "lmm"
            ? Lmm(statistics, new LmmOptions { Reml = !request.MaximumLikelihood, ConfidenceLevel = request.Confidence })
            : Ols(statistics, request.Confidence);
    }

    /// <summary>
    /// The fit's JSON with the row counts of the summaries: <c>n_read</c>, <c>n_used</c> and <c>excluded_by_reason</c>
    /// [{reason, count}] in place of <c>excluded_rows</c> (an engine does not know line numbers).
    /// </summary>
    public static JsonObject ToJson(IModelFit fit, SufficientStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(statistics);
        var json = fit.ToJson();
        json.Remove("excluded_rows");
        json["n_read"] = statistics.RowsRead;
        json["n_used"] = statistics.N;
        json["excluded_by_reason"] = new JsonArray([.. statistics.Exclusions.Select(e => (JsonNode)new JsonObject { ["reason"] = e.Reason, ["count"] = e.Count })]);
        return json;
    }

    /// <summary>OLS with classical standard errors, as <see cref="OlsModel.Fit"/> computes it for full-rank designs.</summary>
    /// <exception cref="NmtInputException">Too few rows, or collinear columns.</exception>
    public static OlsFit Ols(SufficientStatistics statistics, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        int p = statistics.P;
        var n = checked((int)statistics.N);
        if (n <= p)
        {
            throw new NmtInputException($"'{statistics.Formula}': {n} observations cannot estimate {p} coefficients; at least {p + 1} are needed.");
        }
        var xtx = Matrix<double>.Build.Dense(p, p, (i, j) => statistics.XtX[(i * p) + j]);
        var xty = Vector<double>.Build.DenseOfArray(statistics.Xty);
        var inverse = Inverse(xtx);
        var beta = inverse * xty;
        beta += inverse * (xty - (xtx * beta)); // one step of iterative refinement
        var fittedSquares = beta * (xtx * beta);
        var rss = statistics.Yty - (2 * beta.DotProduct(xty)) + fittedSquares;
        var sigma2 = rss / (n - p);
        var covariance = inverse * sigma2;
        var intercept = statistics.FixedNames.ToList().IndexOf("(Intercept)");
        var coefficients = statistics.FixedNames.Select((name, j) => WaldInference.Estimate(name, beta[j], Math.Sqrt(covariance[j, j]), n - p, level)).ToList();
        var (r2, adjusted, f, numeratorDf, fp) = Summary(intercept >= 0 ? xtx.Row(intercept) * beta / n : (double?)null, fittedSquares, rss, n, p);
        return new OlsFit
        {
            Formula = statistics.Formula,
            Coefficients = coefficients,
            Aliased = new bool[p],
            Covariance = covariance,
            CovarianceType = CovarianceType.Classical,
            ObservationCount = n,
            Confidence = level,
            Rank = p,
            Residuals = Vector<double>.Build.Dense(0),
            Fitted = Vector<double>.Build.Dense(0),
            Leverage = Vector<double>.Build.Dense(0),
            RSquared = r2,
            AdjustedRSquared = adjusted,
            Sigma = Math.Sqrt(sigma2),
            FStatistic = f,
            FDfNumerator = numeratorDf,
            FPValue = fp,
            ResidualSumOfSquares = rss,
            LogLikelihood = -0.5 * n * (Math.Log(2 * Math.PI) + 1 - Math.Log(n) + Math.Log(rss)), // R's logLik.lm
            Exclusions = [],
            Notes = [ExclusionNote(statistics), "Standard errors: classical (homoskedastic)."],
        };
    }

    /// <summary>A linear mixed model (REML unless <see cref="LmmOptions.Reml"/> is false) from the cells.</summary>
    /// <exception cref="NmtInputException">No random-effects term, no cells (a totals-only summary), or too few rows.</exception>
    public static LmmFit Lmm(SufficientStatistics statistics, LmmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (statistics.Blocks.Count == 0)
        {
            throw new NmtInputException($"--model lmm needs at least one random-effects term such as (1 | client_id) in the formula '{statistics.Formula}'.");
        }
        if (!statistics.HasCells)
        {
            throw new NmtInputException("this summary holds totals only (no per-group cells), which fit OLS; a mixed model needs the cells of its grouping factors.");
        }
        var (frame, cells) = SummaryCells.Build(statistics);
        return LinearMixedModel.Fit(frame, cells, options);
    }

    /// <summary>One line: rows read, used, and left out by reason.</summary>
    public static string ExclusionNote(SufficientStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var excluded = statistics.RowsRead - statistics.N;
        return excluded == 0
            ? $"{statistics.RowsRead} rows read, all used."
            : $"{statistics.RowsRead} rows read, {statistics.N} used, {excluded} excluded: " + string.Join("; ", statistics.Exclusions.Select(e => $"{e.Reason} ({e.Count})")) + ".";
    }

    private static Matrix<double> Inverse(Matrix<double> xtx)
    {
        // Equilibrate (unit diagonal) before the Cholesky factorisation: same solution, far smaller condition number.
        var d = Vector<double>.Build.Dense(xtx.RowCount, i => 1 / Math.Sqrt(xtx[i, i]));
        var scaled = Matrix<double>.Build.Dense(xtx.RowCount, xtx.ColumnCount, (i, j) => xtx[i, j] * d[i] * d[j]);
        try
        {
            var inverse = scaled.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(xtx.RowCount));
            return Matrix<double>.Build.Dense(xtx.RowCount, xtx.ColumnCount, (i, j) => inverse[i, j] * d[i] * d[j]);
        }
        catch (ArgumentException)
        {
            throw new NmtInputException("the fixed-effect columns are linearly dependent (collinear); from summaries the aliased columns cannot be dropped as R does; remove a redundant term.");
        }
    }

    /// <summary>R², adjusted R² and F as <c>summary.lm</c> (centred with an intercept); Σf² = β̂ᵀXᵀXβ̂, mean f̂ from the intercept row.</summary>
    private static (double RSquared, double Adjusted, double F, double NumeratorDf, double FP) Summary(double? fittedMean, double fittedSquares, double rss, int n, int p)
    {
        var dfIntercept = fittedMean is null ? 0 : 1;
        var mss = fittedSquares - (fittedMean is { } m ? n * m * m : 0);
        var r2 = mss / (mss + rss);
        var adjusted = 1 - ((1 - r2) * ((n - dfIntercept) / (double)(n - p)));
        var numeratorDf = p - dfIntercept;
        if (numeratorDf == 0)
        {
            return (r2, adjusted, double.NaN, 0, double.NaN);
        }
        var f = mss / numeratorDf / (rss / (n - p));
        var d2 = (double)(n - p);
        return (r2, adjusted, f, numeratorDf, SpecialFunctions.BetaRegularized(d2 / 2, numeratorDf / 2.0, d2 / (d2 + (numeratorDf * f))));
    }
}
