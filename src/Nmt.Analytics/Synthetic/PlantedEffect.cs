namespace Nmt.Analytics.Synthetic;

/// <summary>One planted fixed effect, named as R names the term (treatment contrasts, first sorted level = reference).</summary>
/// <param name="Term">R term name, e.g. <c>session</c>, <c>regioncervical</c>, <c>tech_muscle_energy</c>.</param>
/// <param name="Estimate">The true coefficient a correct analysis should recover.</param>
/// <param name="Meaning">What the coefficient means.</param>
public sealed record PlantedEffect(string Term, double Estimate, string Meaning);
