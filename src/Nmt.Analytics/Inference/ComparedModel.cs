namespace Nmt.Analytics.Inference;

/// <summary>One model entering a likelihood-ratio comparison.</summary>
/// <param name="Formula">The model's formula, as the user wrote it.</param>
/// <param name="ParameterCount">Estimated parameters (lme4's <c>npar</c>; for a linear model the coefficients plus σ).</param>
/// <param name="LogLikelihood">The maximised (ML, never REML) log-likelihood.</param>
/// <param name="Nobs">Observations used.</param>
public sealed record ComparedModel(string Formula, int ParameterCount, double LogLikelihood, int Nobs);
