namespace Nmt.Analytics.Reports;

/// <summary>Options of the evidence report.</summary>
/// <param name="MinClients">Smallest number of clients a shown cell or clinic may have (small-cell suppression).</param>
/// <param name="Seed">Seed for anything random (bootstrap, cross-validation), so reports are reproducible.</param>
/// <param name="IncludePrediction">Whether to fit the predictive models (the slowest section).</param>
public sealed record ReportOptions(int MinClients = 11, int Seed = 1, bool IncludePrediction = true);
