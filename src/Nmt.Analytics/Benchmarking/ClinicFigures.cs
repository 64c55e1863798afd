namespace Nmt.Analytics.Benchmarking;

/// <summary>The figures of a clinic large enough to be shown.</summary>
/// <param name="NClients">Clients (episodes) benchmarked.</param>
/// <param name="Observed">Observed mean outcome O.</param>
/// <param name="Expected">Case-mix expected mean outcome E.</param>
/// <param name="StdError">Standard error of O − E (σ̂/√n, times √φ with the overdispersion option).</param>
/// <param name="Shrunken">Empirical-Bayes shrunken difference.</param>
/// <param name="ShrunkenSd">Posterior SD of the shrunken difference.</param>
public sealed record ClinicFigures(long NClients, double Observed, double Expected, double StdError, double Shrunken, double ShrunkenSd)
{
    /// <summary>O − E.</summary>
    public double Difference => Observed - Expected;

    /// <summary>O / E (for rates; NaN when E is 0).</summary>
    public double Ratio => Expected == 0 ? double.NaN : Observed / Expected;

    /// <summary>The standardised difference (O − E)/SE.</summary>
    public double Z => Difference / StdError;
}
