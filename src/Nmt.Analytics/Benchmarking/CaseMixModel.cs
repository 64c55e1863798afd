using MathNet.Numerics.LinearAlgebra;

namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// A linear case-mix model fitted from <see cref="CaseMixCrossProducts"/>: β̂ = (XᵀX)⁻¹Xᵀy and
/// σ̂² = (yᵀy − β̂ᵀXᵀy)/(n − p). Because it needs only the additive cross-products, the model fitted
/// from clinics' shared summaries equals the model fitted on their pooled rows.
/// </summary>
public sealed class CaseMixModel
{
    private CaseMixModel(IReadOnlyList<string> terms, Vector<double> coefficients, double residualVariance, long count, Vector<double> stdErrors)
    {
        Terms = terms;
        Coefficients = coefficients;
        ResidualVariance = residualVariance;
        Count = count;
        StdErrors = stdErrors;
    }

    /// <summary>Design column names (R's convention).</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Least-squares coefficients, one per term.</summary>
    public Vector<double> Coefficients { get; }

    /// <summary>Residual variance σ̂² with n − p degrees of freedom.</summary>
    public double ResidualVariance { get; }

    /// <summary>Classical standard errors √(σ̂²·diag((XᵀX)⁻¹)), as R's <c>summary.lm</c>.</summary>
    public Vector<double> StdErrors { get; }

    /// <summary>Number of observations the model was fitted on.</summary>
    public long Count { get; }

    /// <summary>Fits the model from cross-products.</summary>
    /// <exception cref="NmtInputException">Too few observations or a singular design (e.g. a category absent from the reference data).</exception>
    public static CaseMixModel Fit(IReadOnlyList<string> terms, CaseMixCrossProducts stats)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(stats);
        var p = stats.Dimension;
        if (stats.Count <= p)
        {
            throw new NmtInputException($"the case-mix model has {p} terms but only {stats.Count} episodes; more data or a simpler model is needed.");
        }
        // Cholesky of XᵀX; a failure means the design is rank deficient.
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> chol;
        try
        {
            chol = stats.XtX.Cholesky();
        }
        catch (ArgumentException)
        {
            throw new NmtInputException("the case-mix design is singular (a covariate level has no episodes, or two covariates are collinear); drop or merge the empty levels.");
        }
        var beta = chol.Solve(stats.Xty);
        var rss = Math.Max(0, stats.Yty - beta.DotProduct(stats.Xty));
        var sigma2 = rss / (stats.Count - p);
        var inverse = chol.Solve(Matrix<double>.Build.DenseIdentity(p));
        var se = inverse.Diagonal().Map(v => Math.Sqrt(sigma2 * v));
        return new CaseMixModel(terms, beta, sigma2, stats.Count, se);
    }

    /// <summary>The expected outcome for one design row.</summary>
    public double Expected(Vector<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.DotProduct(Coefficients);
    }
}
