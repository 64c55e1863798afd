namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// What the benchmark needs of one clinic besides the model: its client count n, outcome total Σy and
/// design-column totals Σx (so O = Σy/n and E = Σxᵀβ/n). Only ever built for clinics at or above the minimum size.
/// </summary>
/// <param name="ClinicId">Clinic identifier (or its pseudonym in a shared summary).</param>
/// <param name="NClients">Clients (episodes).</param>
/// <param name="SumX">Column totals of the clinic's design rows (Σx; the intercept entry equals n).</param>
/// <param name="SumY">Outcome total Σy.</param>
/// <param name="Design">The design <paramref name="SumX"/> is expressed in.</param>
/// <param name="Source"><c>local</c> or the summary file name.</param>
public sealed record ClinicTotals(string ClinicId, long NClients, IReadOnlyList<double> SumX, double SumY, CaseMixDesign Design, string Source);
