namespace Nmt.Analytics.Synthetic;

/// <summary>A planted random-effect (or residual) standard deviation.</summary>
/// <param name="Group">Grouping column (<c>client_id</c>), or <c>Residual</c>.</param>
/// <param name="Term">Random term, e.g. <c>(Intercept)</c> or <c>session</c>.</param>
/// <param name="StdDev">The true standard deviation.</param>
/// <param name="Meaning">What the variation means.</param>
public sealed record PlantedVarianceComponent(string Group, string Term, double StdDev, string Meaning);
