namespace Nmt.Analytics.Synthetic;

/// <summary>A simulated clinic and its planted effect on pain change.</summary>
/// <param name="ClinicId">Clinic code, e.g. <c>C01</c>.</param>
/// <param name="Role"><c>better</c>, <c>worse</c>, <c>case_mix</c>, <c>tiny</c> or <c>ordinary</c>.</param>
/// <param name="Effect">NPRS points added to every session's pain_change (negative = better outcomes).</param>
/// <param name="NClients">Clients treated at the clinic.</param>
/// <param name="NTherapists">Therapists at the clinic (they have no planted effect).</param>
/// <param name="Meaning">What the role means for an analysis.</param>
public sealed record ClinicTruth(string ClinicId, string Role, double Effect, int NClients, int NTherapists, string Meaning);
