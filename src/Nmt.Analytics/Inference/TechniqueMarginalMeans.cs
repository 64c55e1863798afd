using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Inference;

/// <summary>
/// Adjusted marginal means of techniques when each technique enters a model as its own 0/1 indicator
/// (<c>tech_&lt;code&gt;</c>; a session may use several). The mean of technique t is the model's prediction for a
/// session that used t alone (its indicator 1, every other technique's 0), with numeric covariates at their means and
/// averaged with equal weights over the levels of the model's factors — the emmeans reference grid with the techniques
/// as one factor (Searle, Speed &amp; Milliken 1980; Lenth 2016). Differences of two such means are differences of the
/// two techniques' coefficients; <see cref="PairwiseContrasts"/> compares them (Tukey by default).
/// </summary>
public static class TechniqueMarginalMeans
{
    /// <summary>The term name used for the means and contrasts.</summary>
    public const string Term = "technique";

    /// <summary>Means of every technique indicator in <paramref name="source"/>'s model (at least two).</summary>
    /// <exception cref="NmtInputException">The model has fewer than two technique indicators.</exception>
    public static MarginalMeans Compute(IInferenceSource source, ColumnTable table, double level = 0.95, ModelFrameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ModelFrameOptions.Default;
        var names = source.Frame.FixedNames;
        var techniques = Enumerable.Range(0, names.Count).Where(j => names[j].StartsWith(options.TechniquePrefix, StringComparison.Ordinal)).ToList();
        if (techniques.Count < 2)
        {
            throw new NmtInputException($"comparing techniques needs at least two {options.TechniquePrefix}<code> indicators in the model; '{source.Frame.Formula}' has {techniques.Count}.");
        }
        var grid = ReferenceGrid.Build(source.Frame, table, options);
        var average = Vector<double>.Build.Dense(grid.Design.ColumnCount);
        for (var g = 0; g < grid.Count; g++)
        {
            average += grid.Design.Row(g);
        }
        average /= grid.Count;
        foreach (var j in techniques)
        {
            average[j] = 0;
        }
        var rows = techniques.Select(j =>
        {
            var l = average.Clone();
            l[j] = 1;
            return (names[j][options.TechniquePrefix.Length..], l);
        }).ToList();
        return MarginalMeans.FromCombinations(source, Term, rows, level);
    }
}
