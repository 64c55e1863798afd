namespace Nmt.Analytics.Synthetic;

/// <summary>A planted correlation between two random terms of the same group.</summary>
/// <param name="Group">Grouping column, e.g. <c>client_id</c>.</param>
/// <param name="Term1">First random term.</param>
/// <param name="Term2">Second random term.</param>
/// <param name="Correlation">The true correlation.</param>
/// <param name="Meaning">What the correlation means.</param>
public sealed record PlantedCorrelation(string Group, string Term1, string Term2, double Correlation, string Meaning);
