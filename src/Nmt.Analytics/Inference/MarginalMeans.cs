using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;
using Nmt.Analytics.Results;
using Nmt.Analytics.Statistics;

namespace Nmt.Analytics.Inference;

/// <summary>
/// Estimated marginal means as <c>emmeans::emmeans(model, ~ term)</c> computes them by default: the reference grid's
/// predictions averaged with equal weights over the factors not in <c>term</c> (Searle, Speed &amp; Milliken 1980;
/// Lenth 2016). Intervals are t (df from the model) or z, unadjusted; for a non-identity link the estimate stays on the
/// link scale and the response columns back-transform it and its limits, as <c>summary(..., type = "response")</c>.
/// </summary>
public sealed class MarginalMeans
{
    private MarginalMeans(string term, IReadOnlyList<GridFactor> factors, IReadOnlyList<MarginalMean> means, LinkFunction link, double level)
    {
        Term = term;
        Factors = factors;
        Means = means;
        Link = link;
        Level = level;
    }

    /// <summary>The term as requested (<c>region</c> or <c>a:b</c>).</summary>
    public string Term { get; }

    /// <summary>The factors of the term, in the order requested.</summary>
    public IReadOnlyList<GridFactor> Factors { get; }

    /// <summary>The means, first factor varying fastest.</summary>
    public IReadOnlyList<MarginalMean> Means { get; }

    /// <summary>The model's link.</summary>
    public LinkFunction Link { get; }

    /// <summary>Confidence level of the intervals.</summary>
    public double Level { get; }

    /// <summary>Computes the marginal means of <paramref name="term"/> (a factor, or factors joined by <c>:</c>).</summary>
    /// <exception cref="NmtInputException">An unknown term, or a numeric one.</exception>
    public static MarginalMeans Compute(IInferenceSource source, ColumnTable table, string term, double level = 0.95, ModelFrameOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(term);
        var grid = ReferenceGrid.Build(source.Frame, table, options);
        var indices = term.Split(':', StringSplitOptions.TrimEntries).Select(name => FactorIndex(grid, name, source.Frame)).ToList();
        if (indices.Distinct().Count() != indices.Count)
        {
            throw new NmtInputException($"--emmeans '{term}' names a factor twice.");
        }
        var factors = indices.Select(i => grid.Factors[i]).ToList();
        var cells = factors.Aggregate(1, (s, f) => s * f.Levels.Count);
        var sums = Matrix<double>.Build.Dense(cells, grid.Design.ColumnCount);
        var counts = new int[cells];
        for (var g = 0; g < grid.Count; g++)
        {
            var cell = 0;
            for (var k = indices.Count - 1; k >= 0; k--)
            {
                cell = (cell * factors[k].Levels.Count) + grid.LevelAt(g, indices[k]);
            }
            sums.SetRow(cell, sums.Row(cell) + grid.Design.Row(g));
            counts[cell]++;
        }
        var means = new List<MarginalMean>(cells);
        for (var c = 0; c < cells; c++)
        {
            means.Add(Mean(source, Label(factors, c), sums.Row(c) / counts[c], level));
        }
        return new MarginalMeans(term, factors, means, source.Link, level);
    }

    /// <summary>
    /// Marginal means of given linear combinations of the coefficients (one per level of a pseudo-factor
    /// <paramref name="term"/>), e.g. the techniques of a model where each enters as its own indicator.
    /// </summary>
    internal static MarginalMeans FromCombinations(IInferenceSource source, string term, IReadOnlyList<(string Level, Vector<double> Weights)> rows, double level)
    {
        var factor = new GridFactor(term, term, rows.Select(r => r.Level).ToList());
        var means = rows.Select(r => Mean(source, r.Level, r.Weights, level)).ToList();
        return new MarginalMeans(term, [factor], means, source.Link, level);
    }

    /// <summary>Tidy table: term, level, estimate, std_error, df, ci_low, ci_high (+ response columns for non-identity links).</summary>
    public ResultTable Tidy()
    {
        string[] columns = Link.IsIdentity
            ? ["term", "level", "estimate", "std_error", "df", "ci_low", "ci_high"]
            : ["term", "level", "estimate", "std_error", "df", "ci_low", "ci_high", "response", "response_low", "response_high"];
        var table = new ResultTable($"Estimated marginal means of {Term}", columns);
        foreach (var m in Means)
        {
            object?[] cells = [Term, m.Level, m.Estimate, m.StdError, DfCell(m.Df), m.CiLow, m.CiHigh];
            table.AddRow(Link.IsIdentity ? cells : [.. cells, m.Response, m.ResponseLow, m.ResponseHigh]);
        }
        table.AddNote(Link.IsIdentity
            ? $"Averaged over the other factors with equal weights; covariates at their means; {Level:P0} confidence intervals."
            : $"Averaged over the other factors with equal weights on the {Link.Name} scale; covariates at their means; response columns back-transformed.");
        return table;
    }

    /// <summary>
    /// The label of mean <paramref name="cell"/> inside a contrast, as emmeans 1.8 writes it: levels of a factor whose
    /// levels all look like numbers get the factor's name in front (<c>cyl4</c>), and a label containing - + * or /
    /// is put in parentheses (<c>(0-5yrs)</c>).
    /// </summary>
    internal string ContrastLabel(int cell)
    {
        var parts = new string[Factors.Count];
        for (var k = 0; k < Factors.Count; k++)
        {
            var factor = Factors[k];
            var level = factor.Levels[cell % factor.Levels.Count];
            parts[k] = factor.Levels.All(LooksNumeric) ? factor.Column + level : level;
            cell /= factor.Levels.Count;
        }
        var label = string.Join(" ", parts);
        return label.IndexOfAny(['-', '+', '*', '/']) >= 0 ? $"({label})" : label;
    }

    private static bool LooksNumeric(string level) =>
        double.TryParse(level, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>Infinite df is written as null (JSON <c>null</c>), as the inference contract requires.</summary>
    internal static object? DfCell(double df) => double.IsPositiveInfinity(df) ? null : df;

    private static MarginalMean Mean(IInferenceSource source, string label, Vector<double> l, double level)
    {
        var estimate = l * source.Coefficients;
        var se = Math.Sqrt(l * source.Covariance * l);
        var df = source.Df(l);
        var q = Distributions.TCritical(level, df);
        var mean = new MarginalMean(label, estimate, se, df, estimate - (q * se), estimate + (q * se), l);
        return source.Link.IsIdentity
            ? mean
            : mean with { Response = source.Link.Inverse(estimate), ResponseLow = source.Link.Inverse(mean.CiLow), ResponseHigh = source.Link.Inverse(mean.CiHigh) };
    }

    /// <summary>Cell labels: levels joined by one space, the first factor varying fastest (emmeans' print order).</summary>
    private static string Label(List<GridFactor> factors, int cell)
    {
        var parts = new string[factors.Count];
        for (var k = 0; k < factors.Count; k++)
        {
            parts[k] = factors[k].Levels[cell % factors[k].Levels.Count];
            cell /= factors[k].Levels.Count;
        }
        return string.Join(" ", parts);
    }

    private static int FactorIndex(ReferenceGrid grid, string name, ModelFrame frame)
    {
        var byName = grid.Factors.ToList().FindIndex(f => f.Name == name);
        if (byName >= 0)
        {
            return byName;
        }
        var byColumn = grid.Factors.Select((f, i) => (f, i)).Where(p => p.f.Column == name).Select(p => p.i).ToList();
        if (byColumn.Count == 1)
        {
            return byColumn[0];
        }
        var formula = frame.ParsedFormula ?? Formula.Parse(frame.Formula);
        var numeric = formula.Terms.SelectMany(t => t.Variables).Any(v => v.Name == name);
        var factors = grid.Factors.Count == 0 ? "the model has no factors" : "factors: " + string.Join(", ", grid.Factors.Select(f => f.Name));
        throw new NmtInputException(numeric
            ? $"--emmeans '{name}' is a numeric covariate; marginal means are for factors ({factors}). Use factor({name}) in the formula to treat it as categorical."
            : $"--emmeans '{name}' is not a factor of the model '{frame.Formula}' ({factors}).");
    }
}
