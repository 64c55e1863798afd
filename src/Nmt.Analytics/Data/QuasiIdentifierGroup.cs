namespace Nmt.Analytics.Data;

/// <summary>A combination of quasi-identifier values and how many clients share it (never which clients).</summary>
/// <param name="Values">Value of each quasi-identifier (<c>(missing)</c> when empty), by column name.</param>
/// <param name="Clients">Number of clients with exactly these values.</param>
public sealed record QuasiIdentifierGroup(IReadOnlyDictionary<string, string> Values, int Clients);
