namespace Nmt.Analytics.Formulas;

/// <summary>One column of a design matrix over the used rows, with its R name.</summary>
/// <param name="Name">R's column name, e.g. <c>stress:regionlumbar</c>.</param>
/// <param name="Values">One value per used row.</param>
internal sealed record DesignColumn(string Name, double[] Values);
