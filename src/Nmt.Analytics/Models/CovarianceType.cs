namespace Nmt.Analytics.Models;

/// <summary>How the coefficient covariance of a linear model is estimated.</summary>
public enum CovarianceType
{
    /// <summary>Classical σ²(XᵀX)⁻¹ (R's <c>vcov(lm)</c>).</summary>
    Classical,

    /// <summary>White's heteroskedasticity-consistent estimator with the n/(n−p) correction (White 1980; <c>sandwich::vcovHC(type = "HC1")</c>).</summary>
    HC1,

    /// <summary>The jackknife-like HC3, residuals scaled by 1/(1−hᵢ) (MacKinnon &amp; White 1985; <c>sandwich::vcovHC(type = "HC3")</c>).</summary>
    HC3,

    /// <summary>
    /// Cluster-robust CR1 with the Stata/statsmodels small-sample factor G/(G−1)·(n−1)/(n−p) and t with G−1 df
    /// (Cameron &amp; Miller 2015; <c>sandwich::vcovCL(type = "HC1")</c>).
    /// </summary>
    CR1,

    /// <summary>White's original heteroskedasticity-consistent estimator without a small-sample factor (White 1980; <c>sandwich::vcovHC(type = "HC0")</c>).</summary>
    HC0,
}
