namespace Nmt.Analytics.Prediction;

/// <summary>The ML.NET learner behind a predictive model.</summary>
public enum PredictionTrainer
{
    /// <summary>LightGBM gradient-boosted trees (Ke et al. 2017, NeurIPS 30).</summary>
    LightGbm,

    /// <summary>ML.NET FastTree gradient-boosted trees (MART; Friedman 2001, Ann. Stat. 29(5)).</summary>
    FastTree,

    /// <summary>Linear baseline on standardised features: SDCA least squares (regression) or L-BFGS logistic regression (binary).</summary>
    Linear,
}
