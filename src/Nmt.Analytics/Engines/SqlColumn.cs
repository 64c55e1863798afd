namespace Nmt.Analytics.Engines;

/// <summary>One design-matrix column: its name in R's convention and the SQL expression that computes it per row.</summary>
/// <param name="Name">Column name, e.g. <c>(Intercept)</c>, <c>regionlumbar</c>, <c>session:stress</c>.</param>
/// <param name="Sql">Its value per row, e.g. <c>CASE WHEN "region" = 'lumbar' THEN 1 ELSE 0 END</c>.</param>
public sealed record SqlColumn(string Name, string Sql);
