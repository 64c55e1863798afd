using MathNet.Numerics.LinearAlgebra;
using Nmt.Analytics.Data;
using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Inference;

/// <summary>
/// The fixed-effect terms of a fitted model with what ANOVA tables need: which design columns belong to which term
/// (R's <c>assign</c>), each term's variables and numeric variables (for containment), and R's "rank-deficient"
/// design of each term alone (<c>model.matrix(~ 0 + term)</c>, all levels coded by indicators).
/// </summary>
internal sealed class ModelTerms
{
    private readonly Formula _formula;
    private readonly Dictionary<ModelVariable, VariableData> _data;
    private readonly IReadOnlyList<int> _used;

    private ModelTerms(Formula formula, Dictionary<ModelVariable, VariableData> data, IReadOnlyList<int> used, int[] assign)
    {
        _formula = formula;
        _data = data;
        _used = used;
        Assign = assign;
    }

    /// <summary>The terms in model order.</summary>
    public IReadOnlyList<Term> Terms => _formula.Terms;

    /// <summary>Per design column: the index of its term, or −1 for the intercept.</summary>
    public int[] Assign { get; }

    /// <summary>Evaluates the terms of <paramref name="frame"/> on <paramref name="table"/>.</summary>
    public static ModelTerms Of(ModelFrame frame, ColumnTable table, ModelFrameOptions? options)
    {
        var formula = frame.ParsedFormula ?? Formula.Parse(frame.Formula);
        var evaluator = new VariableEvaluator(table, options ?? ModelFrameOptions.Default, formula.Text);
        var data = formula.Terms.SelectMany(t => t.Variables).Distinct().ToDictionary(v => v, evaluator.Evaluate);
        var few = RepresentativeRows(data.Values, frame.UsedRows);
        var assign = new List<int>();
        if (formula.HasIntercept)
        {
            assign.Add(-1);
        }
        var previous = assign.Count;
        for (var t = 0; t < formula.Terms.Count; t++)
        {
            // Coding of a term depends only on the terms before it, so the prefix's column count grows by this term's.
            var count = DesignMatrixBuilder.Build(formula.Terms.Take(t + 1).ToList(), formula.HasIntercept, data, few).Count;
            assign.AddRange(Enumerable.Repeat(t, count - previous));
            previous = count;
        }
        if (assign.Count != frame.X.ColumnCount)
        {
            throw new InvalidOperationException("Term assignment does not match the design matrix.");
        }
        return new ModelTerms(formula, data, frame.UsedRows, [.. assign]);
    }

    /// <summary>Design columns of term <paramref name="t"/>.</summary>
    public int[] Columns(int t) => Enumerable.Range(0, Assign.Length).Where(j => Assign[j] == t).ToArray();

    /// <summary>lmerTest's containment: every variable of <paramref name="a"/> is in <paramref name="b"/>, b has more, and both have the same numeric variables.</summary>
    public bool ContainedIn(int a, int b)
    {
        var va = Terms[a].Variables;
        var vb = Terms[b].Variables;
        return a != b && va.All(vb.Contains) && vb.Count > va.Count && Numerics(a).SetEquals(Numerics(b));
    }

    /// <summary>car's relatives: every variable of <paramref name="a"/> is in <paramref name="b"/> (b ≠ a).</summary>
    public bool RelativeOf(int a, int b) => a != b && Terms[a].Variables.All(Terms[b].Variables.Contains);

    /// <summary>R's <c>model.matrix(~ 0 + term)</c> for every term side by side, after an intercept column when the model has one (lmerTest's get_rdX).</summary>
    public (Matrix<double> X, List<string> Names) FullIndicatorDesign()
    {
        var columns = new List<DesignColumn>();
        if (_formula.HasIntercept)
        {
            columns.Add(new DesignColumn("(Intercept)", Enumerable.Repeat(1.0, _used.Count).ToArray()));
        }
        foreach (var term in Terms)
        {
            columns.AddRange(DesignMatrixBuilder.Build([term], false, _data, _used));
        }
        return (Matrix<double>.Build.DenseOfColumnArrays(columns.Select(c => c.Values)), columns.Select(c => c.Name).ToList());
    }

    private HashSet<ModelVariable> Numerics(int t) => Terms[t].Variables.Where(v => _data[v].Kind != VariableKind.Factor).ToHashSet();

    /// <summary>A few used rows that together show every level and code of every variable (enough to count design columns).</summary>
    private static List<int> RepresentativeRows(IEnumerable<VariableData> variables, IReadOnlyList<int> used)
    {
        var rows = new SortedSet<int>();
        foreach (var v in variables)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in used)
            {
                string[] keys = v.Kind switch
                {
                    VariableKind.Factor => [v.Labels[r]!],
                    VariableKind.CodeSet => v.Codes!.Values[r] ?? [],
                    _ => [],
                };
                if (keys.Count(seen.Add) > 0)
                {
                    rows.Add(r);
                }
            }
        }
        if (rows.Count == 0)
        {
            rows.Add(used[0]);
        }
        return [.. rows];
    }
}
