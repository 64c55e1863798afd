namespace Nmt.Analytics.Results;

/// <summary>
/// The output names (table columns and JSON keys) used by more than one result, so that one idea has one name
/// everywhere (docs/cli.md). Names are snake_case.
/// </summary>
public static class OutputNames
{
    /// <summary>Coefficient or model term, in R's naming.</summary>
    public const string Term = "term";

    /// <summary>Point estimate.</summary>
    public const string Estimate = "estimate";

    /// <summary>Standard error.</summary>
    public const string StdError = "std_error";

    /// <summary>Test statistic (t, z, F or chi-square).</summary>
    public const string Statistic = "statistic";

    /// <summary>Degrees of freedom (null for z tests).</summary>
    public const string Df = "df";

    /// <summary>p-value.</summary>
    public const string PValue = "p_value";

    /// <summary>Lower confidence limit.</summary>
    public const string CiLow = "ci_low";

    /// <summary>Upper confidence limit.</summary>
    public const string CiHigh = "ci_high";

    /// <summary>Confidence level of the intervals.</summary>
    public const string Confidence = "confidence";

    /// <summary>Number of observations used.</summary>
    public const string NObs = "n_obs";

    /// <summary>Rows left out of an analysis.</summary>
    public const string ExcludedRows = "excluded_rows";

    /// <summary>A source line number (header = line 1).</summary>
    public const string Row = "row";

    /// <summary>Why a row was left out.</summary>
    public const string Reason = "reason";

    /// <summary>Log-likelihood in tables (<c>log_lik</c>, as broom).</summary>
    public const string LogLik = "log_lik";

    /// <summary>Log-likelihood in the fit JSON.</summary>
    public const string LogLikelihood = "log_likelihood";

    /// <summary>Akaike information criterion.</summary>
    public const string Aic = "aic";

    /// <summary>Bayesian information criterion.</summary>
    public const string Bic = "bic";

    /// <summary>Deviance.</summary>
    public const string Deviance = "deviance";

    /// <summary>Residual degrees of freedom.</summary>
    public const string DfResidual = "df_residual";

    /// <summary>True when an iterative fit met its convergence criterion.</summary>
    public const string Converged = "converged";

    /// <summary>Plain-language notes.</summary>
    public const string Notes = "notes";

    /// <summary>Observed response (augment).</summary>
    public const string Observed = "observed";

    /// <summary>Fitted value on the response scale (augment).</summary>
    public const string Fitted = "fitted";

    /// <summary>Response residual observed − fitted (augment).</summary>
    public const string Residual = "residual";
}
