namespace Nmt.Analytics.Benchmarking;

/// <summary>One clinic's additive case-mix statistics (only ever built for clinics at or above the minimum size).</summary>
/// <param name="ClinicId">Clinic identifier (or its pseudonym in a shared summary).</param>
/// <param name="Stats">Cross-products of the clinic's episodes in the full-indicator design.</param>
/// <param name="Design">The design <paramref name="Stats"/> is expressed in.</param>
/// <param name="Source">Where the clinic came from: <c>local</c> or the summary file name.</param>
public sealed record ClinicStatistics(string ClinicId, CrossProducts Stats, CaseMixDesign Design, string Source)
{
    /// <summary>Number of clients (episodes) summarised.</summary>
    public long NClients => Stats.Count;
}
