using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Formulas;

/// <summary>
/// A formula evaluated on a table: response, fixed-effects design matrix with R's column names,
/// random-effects blocks, and the rows that were left out (with reasons).
/// </summary>
public sealed class ModelFrame
{
    /// <summary>Creates a model frame.</summary>
    public ModelFrame(
        string formula,
        string responseName,
        Vector<double> y,
        Matrix<double> x,
        IReadOnlyList<string> fixedNames,
        IReadOnlyList<RandomEffectBlock> randomBlocks,
        IReadOnlyList<int> usedRows,
        IReadOnlyList<RowExclusion> exclusions)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(fixedNames);
        if (x.RowCount != y.Count || x.ColumnCount != fixedNames.Count)
        {
            throw new ArgumentException("X must have one row per observation and one named column per coefficient.", nameof(x));
        }
        Formula = formula;
        ResponseName = responseName;
        Y = y;
        X = x;
        FixedNames = fixedNames;
        RandomBlocks = randomBlocks;
        UsedRows = usedRows;
        Exclusions = exclusions;
    }

    /// <summary>The formula text as given.</summary>
    public string Formula { get; }

    /// <summary>The response's name (left-hand side).</summary>
    public string ResponseName { get; }

    /// <summary>Response values of the used rows.</summary>
    public Vector<double> Y { get; }

    /// <summary>Fixed-effects design matrix (treatment contrasts), one row per used observation.</summary>
    public Matrix<double> X { get; }

    /// <summary>Column names of <see cref="X"/> in R's convention (<c>(Intercept)</c>, <c>regionlumbar</c>, <c>a:b</c>).</summary>
    public IReadOnlyList<string> FixedNames { get; }

    /// <summary>Random-effects terms (empty for fixed-effects models).</summary>
    public IReadOnlyList<RandomEffectBlock> RandomBlocks { get; }

    /// <summary>Indices (into the source table) of the rows used, in order.</summary>
    public IReadOnlyList<int> UsedRows { get; }

    /// <summary>Rows left out, with reasons (e.g. a missing value in a model variable).</summary>
    public IReadOnlyList<RowExclusion> Exclusions { get; }

    /// <summary>Number of observations used.</summary>
    public int Count => Y.Count;

    /// <summary>True when <see cref="X"/> has R's <c>(Intercept)</c> column.</summary>
    public bool HasIntercept => FixedNames.Contains("(Intercept)");

    /// <summary>The parsed formula, when the frame was built by <see cref="ModelFrameBuilder"/>.</summary>
    public Formula? ParsedFormula { get; init; }

    /// <summary>
    /// For a two-level categorical response: its levels; <see cref="Y"/> is 0 for the first (reference) level and 1 for
    /// the second, as R's <c>glm(family = binomial)</c> codes a factor response. Null for a numeric response.
    /// </summary>
    public IReadOnlyList<string>? ResponseLevels { get; init; }

    /// <summary>Source line (header = line 1) of each used row, in the order of <see cref="Y"/>; empty when unknown.</summary>
    public IReadOnlyList<long> UsedLines { get; init; } = [];
}
