namespace Nmt.Analytics.Evidence;

/// <summary>One clinic's contrast of immediate pain change in sessions with a technique versus sessions without it.</summary>
/// <param name="ClinicId">Clinic.</param>
/// <param name="ClientsWith">Clients with at least one session using the technique (n_A).</param>
/// <param name="ClientsWithout">Clients with at least one session without it (n_B).</param>
/// <param name="ClientsBoth">Clients in both groups (their two means are paired).</param>
/// <param name="MeanWith">Mean of the client-level mean pain changes with the technique.</param>
/// <param name="MeanWithout">Mean of the client-level mean pain changes without it.</param>
/// <param name="Yi">Effect: MD (NPRS points; negative = more pain relief with the technique) or Hedges' g.</param>
/// <param name="Vi">Sampling variance of <paramref name="Yi"/>, allowing for clients who appear in both groups.</param>
public sealed record ClinicContrast(
    string ClinicId, int ClientsWith, int ClientsWithout, int ClientsBoth, double MeanWith, double MeanWithout, double Yi, double Vi);
