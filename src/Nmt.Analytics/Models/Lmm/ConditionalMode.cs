namespace Nmt.Analytics.Models.Lmm;

/// <summary>
/// A conditional mode (BLUP) of one random effect with its conditional standard deviation, as lme4's
/// <c>ranef(fit, condVar = TRUE)</c> reports them (conditional on θ, σ and β̂).
/// </summary>
/// <param name="Group">Grouping factor.</param>
/// <param name="Level">Level of the grouping factor (e.g. a client id).</param>
/// <param name="Term">Random-effect term.</param>
/// <param name="Estimate">Conditional mode b̂.</param>
/// <param name="StdError">Conditional standard deviation.</param>
public sealed record ConditionalMode(string Group, string Level, string Term, double Estimate, double StdError);
