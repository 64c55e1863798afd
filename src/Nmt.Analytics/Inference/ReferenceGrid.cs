using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Inference;

/// <summary>
/// The reference grid of a fitted model as <c>emmeans::ref_grid</c> builds it by default (Lenth 2016, JSS 69(1)):
/// every combination of the levels of the factors in the fixed part (the first factor varying fastest), numeric
/// covariates at their mean over the rows used — a transformed covariate such as <c>log(x)</c> at the transform of
/// the mean of x — and the design row of each grid point built by the same model-matrix code as the fit.
/// Code-set indicators (<c>tech_*</c>) are numeric covariates held at their means.
/// </summary>
public sealed class ReferenceGrid
{
    private ReferenceGrid(IReadOnlyList<GridFactor> factors, Matrix<double> design)
    {
        Factors = factors;
        Design = design;
    }

    /// <summary>The grid's factors, in formula order.</summary>
    public IReadOnlyList<GridFactor> Factors { get; }

    /// <summary>One design row per grid point (grid points in expand.grid order: first factor fastest).</summary>
    public Matrix<double> Design { get; }

    /// <summary>Number of grid points.</summary>
    public int Count => Design.RowCount;

    /// <summary>Builds the grid of <paramref name="frame"/>'s fixed part on the table it was built from.</summary>
    /// <param name="frame">The fitted model's frame.</param>
    /// <param name="table">The table the frame was built from (covariate means are over the rows the frame used).</param>
    /// <param name="options">The frame options used for the fit (reference levels, technique prefix).</param>
    /// <param name="covariatesAtZero">Hold numeric model columns at 0 instead of their means (car's type III intercept).</param>
    public static ReferenceGrid Build(ModelFrame frame, ColumnTable table, ModelFrameOptions? options = null, bool covariatesAtZero = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(table);
        options ??= ModelFrameOptions.Default;
        var formula = frame.ParsedFormula ?? Formula.Parse(frame.Formula);
        var evaluator = new VariableEvaluator(table, options, formula.Text);
        var variables = formula.Terms.SelectMany(t => t.Variables).Distinct().ToList();
        var data = variables.ToDictionary(v => v, evaluator.Evaluate);
        var used = frame.UsedRows;
        var factors = variables.Where(v => data[v].Kind == VariableKind.Factor)
            .Select(v => new GridFactor(v.Name, ColumnOf(v), data[v].LevelsOver(used))).ToList();
        var size = factors.Aggregate(1, (s, f) => checked(s * f.Levels.Count));
        var gridData = new Dictionary<ModelVariable, VariableData>();
        var codeMeans = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var v in variables)
        {
            var d = data[v];
            gridData[v] = d.Kind switch
            {
                VariableKind.Factor => FactorColumn(d, factors, factors.FindIndex(f => f.Name == v.Name), size),
                VariableKind.Numeric => VariableData.Numeric(v.Name, Enumerable.Repeat(covariatesAtZero ? 0 : CovariateValue(v, d, table, used, options), size).ToArray(), null),
                _ => CodeSetColumn(d, used, size, codeMeans, covariatesAtZero),
            };
        }
        var columns = DesignMatrixBuilder.Build(formula.Terms, formula.HasIntercept, gridData, Enumerable.Range(0, size).ToList());
        if (!columns.Select(c => c.Name).SequenceEqual(frame.FixedNames))
        {
            throw new InvalidOperationException("The reference grid's design columns differ from the fitted model's.");
        }
        var design = Matrix<double>.Build.Dense(size, columns.Count, (g, j) => columns[j].Values[g] * CodeScale(columns[j].Name, codeMeans));
        return new ReferenceGrid(factors, design);
    }

    /// <summary>The level index of factor <paramref name="f"/> at grid point <paramref name="g"/> (first factor fastest).</summary>
    public int LevelAt(int g, int f)
    {
        var stride = 1;
        for (var k = 0; k < f; k++)
        {
            stride *= Factors[k].Levels.Count;
        }
        return g / stride % Factors[f].Levels.Count;
    }

    /// <summary>The data column a factor variable reads: <c>x</c> for <c>x</c>, <c>factor(x)</c>, <c>C(x, ...)</c>, <c>relevel(x, ...)</c>.</summary>
    private static string ColumnOf(ModelVariable v) => v.Expression switch
    {
        CallNode { Arguments.Count: > 0 } call when call.Arguments[0].Value is NameNode name => name.Name,
        CallNode { Arguments.Count: > 0 } call when call.Arguments[0].Value is CallNode { Arguments.Count: 1 } inner
            && inner.Arguments[0].Value is NameNode innerName => innerName.Name,
        _ => v.Name,
    };

    private static VariableData FactorColumn(VariableData d, List<GridFactor> factors, int f, int size)
    {
        var stride = factors.Take(f).Aggregate(1, (s, x) => s * x.Levels.Count);
        var levels = factors[f].Levels;
        var labels = Enumerable.Range(0, size).Select(g => (string?)levels[g / stride % levels.Count]).ToArray();
        return VariableData.Factor(d.Name, labels, null, d.NumericLevels).WithReference(d.Name, d.Prefix, d.Reference);
    }

    /// <summary>
    /// The covariate's value in the grid: a plain column at its mean over the rows used; an expression evaluated with
    /// each column it reads at that column's mean (emmeans: <c>log(x)</c> at log of mean x).
    /// </summary>
    private static double CovariateValue(ModelVariable v, VariableData d, ColumnTable table, IReadOnlyList<int> used, ModelFrameOptions options)
    {
        if (v.Expression is NameNode)
        {
            return Mean(d.Numbers, used);
        }
        var evaluator = new VariableEvaluator(table, options, v.Name);
        var means = new ColumnTable(1);
        foreach (var name in Names(v.Expression).Distinct())
        {
            var column = evaluator.Evaluate(new ModelVariable(new NameNode(name, 0)));
            if (column.Kind != VariableKind.Numeric)
            {
                return Mean(d.Numbers, used);
            }
            means.Add(new NumericColumn(name, [Mean(column.Numbers, used)]));
        }
        return new VariableEvaluator(means, options with { DeriveOutcomes = false }, v.Name).Evaluate(v).Numbers[0];
    }

    /// <summary>Every row holds every code; the design columns are scaled afterwards by each indicator's mean.</summary>
    private static VariableData CodeSetColumn(VariableData d, IReadOnlyList<int> used, int size, Dictionary<string, double> codeMeans, bool atZero)
    {
        var codes = d.CodesOver(used).ToArray();
        foreach (var code in codes)
        {
            var count = used.Count(r => d.Codes!.Contains(r, code));
            codeMeans[d.Prefix + code] = atZero ? 0 : count / (double)used.Count;
        }
        var sets = Enumerable.Range(0, size).Select(_ => (string[]?)codes).ToArray();
        return VariableData.CodeSet(d.Name, new CodeSetColumn(d.Name, sets), d.Prefix, null);
    }

    private static double CodeScale(string column, Dictionary<string, double> codeMeans)
    {
        if (codeMeans.Count == 0)
        {
            return 1;
        }
        var scale = 1.0;
        foreach (var part in column.Split(':'))
        {
            if (codeMeans.TryGetValue(part, out var mean))
            {
                scale *= mean;
            }
        }
        return scale;
    }

    private static double Mean(double[] values, IReadOnlyList<int> rows)
    {
        var sum = 0.0;
        foreach (var r in rows)
        {
            sum += values[r];
        }
        return sum / rows.Count;
    }

    private static IEnumerable<string> Names(FormulaNode node) => node switch
    {
        NameNode name => [name.Name],
        CallNode call => call.Arguments.SelectMany(a => Names(a.Value)),
        BinaryNode binary => Names(binary.Left).Concat(Names(binary.Right)),
        UnaryNode unary => Names(unary.Operand),
        ParenNode paren => Names(paren.Inner),
        _ => [],
    };
}
