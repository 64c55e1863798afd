namespace Nmt.Analytics.Inference;

/// <summary>One row of a model comparison (R's <c>anova(m1, m2)</c> for lme4 fits).</summary>
/// <param name="Formula">The model's formula.</param>
/// <param name="ParameterCount">Estimated parameters.</param>
/// <param name="Aic">−2 logLik + 2 n_par.</param>
/// <param name="Bic">−2 logLik + log(n) n_par.</param>
/// <param name="LogLikelihood">ML log-likelihood.</param>
/// <param name="Deviance">−2 logLik.</param>
/// <param name="ChiSquare">2 (logLik − logLik of the previous row), null on the first row.</param>
/// <param name="Df">Difference in parameters from the previous row, null on the first row.</param>
/// <param name="PValue">Upper χ² tail probability, null on the first row.</param>
public sealed record ComparisonRow(string Formula, int ParameterCount, double Aic, double Bic, double LogLikelihood, double Deviance,
    double? ChiSquare, int? Df, double? PValue);
