using System.Numerics;

namespace Nmt.Analytics.Formulas;

/// <summary>
/// R's formula algebra (Chambers &amp; Hastie 1992, Statistical Models in S, ch. 2; R's <c>terms.formula</c>):
/// expands <c>+ - * / : ^</c>, <c>0</c>/<c>1</c>/<c>-1</c> into a set of terms, each a set of variables (a bit mask),
/// removes duplicates keeping the first, and sorts terms by order (main effects first), stably.
/// </summary>
internal sealed class TermAlgebra
{
    private readonly string _text;
    private readonly List<ModelVariable> _variables = [];
    private readonly List<FormulaNode> _bars = [];

    public TermAlgebra(string text, ModelVariable? response)
    {
        _text = text;
        if (response is not null)
        {
            _variables.Add(response);
        }
        ResponseOffset = _variables.Count;
    }

    /// <summary>Variables in order of first appearance (the response first, when present).</summary>
    public IReadOnlyList<ModelVariable> Variables => _variables;

    /// <summary>Bar terms <c>(lhs | group)</c> met at the top level, in order.</summary>
    public IReadOnlyList<FormulaNode> Bars => _bars;

    private int ResponseOffset { get; }

    /// <summary>Expands an expression into sorted terms and the intercept flag.</summary>
    public (IReadOnlyList<Term> Terms, bool HasIntercept) Expand(FormulaNode node, bool allowBars)
    {
        var (masks, intercept) = Walk(node, allowBars);
        if (ResponseOffset > 0 && masks.Any(m => (m & 1UL) != 0))
        {
            throw FormulaTokenizer.Error(_text, node.Position, $"the response '{_variables[0].Name}' also appears among the terms");
        }
        var sorted = masks.Select((m, i) => (m, i)).OrderBy(t => BitOperations.PopCount(t.m)).ThenBy(t => t.i).Select(t => t.m);
        var terms = sorted.Select(ToTerm).ToList();
        return (terms, intercept ?? true);
    }

    private Term ToTerm(ulong mask)
    {
        var variables = new List<ModelVariable>();
        for (var i = 0; i < _variables.Count; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                variables.Add(_variables[i]);
            }
        }
        return new Term(variables);
    }

    private (List<ulong> Terms, bool? Intercept) Walk(FormulaNode node, bool top) => node switch
    {
        NumberNode { Value: 1 } => ([], true),
        NumberNode { Value: 0 } => ([], false),
        NumberNode n => throw FormulaTokenizer.Error(_text, n.Position, $"a number ({n}) is not a term; use I({n} * x) for arithmetic"),
        StringNode s => throw FormulaTokenizer.Error(_text, s.Position, "a quoted string is not a term"),
        ParenNode { Inner: BinaryNode { Operator: "|" or "||" } } p => Bar(p, top),
        ParenNode p => Walk(p.Inner, false),
        UnaryNode { Operator: "+" } u => Walk(u.Operand, top),
        UnaryNode u => Subtract(([], null), Walk(u.Operand, false)),
        BinaryNode { Operator: "+" } b => Add(Walk(b.Left, top), Walk(b.Right, top)),
        BinaryNode { Operator: "-" } b => Subtract(Walk(b.Left, top), Walk(b.Right, false)),
        BinaryNode { Operator: ":" } b => (Interact(Walk(b.Left, false).Terms, Walk(b.Right, false).Terms), null),
        BinaryNode { Operator: "*" } b => Cross(Walk(b.Left, false), Walk(b.Right, false)),
        BinaryNode { Operator: "/" } b => Nest(Walk(b.Left, false), Walk(b.Right, false)),
        BinaryNode { Operator: "^" } b => Power(Walk(b.Left, false), b.Right),
        BinaryNode { Operator: "|" or "||" } b => throw FormulaTokenizer.Error(_text, b.Position, "random-effect terms need parentheses, e.g. (1 | client_id)"),
        BinaryNode b => throw FormulaTokenizer.Error(_text, b.Position, $"operator '{b.Operator}' is not allowed here"),
        _ => ([Register(node)], null),
    };

    private (List<ulong>, bool?) Bar(ParenNode paren, bool top)
    {
        if (!top)
        {
            throw FormulaTokenizer.Error(_text, paren.Position, "a random-effect term (… | group) can only be added to the formula, not combined with other operators");
        }
        _bars.Add(paren.Inner);
        return ([], null);
    }

    private ulong Register(FormulaNode node)
    {
        var variable = new ModelVariable(node);
        var index = _variables.IndexOf(variable);
        if (index < 0)
        {
            if (_variables.Count == 64)
            {
                throw FormulaTokenizer.Error(_text, node.Position, "too many variables (at most 63)");
            }
            _variables.Add(variable);
            index = _variables.Count - 1;
        }
        return 1UL << index;
    }

    private static (List<ulong>, bool?) Add((List<ulong> Terms, bool? Intercept) left, (List<ulong> Terms, bool? Intercept) right) =>
        (Union(left.Terms, right.Terms), right.Intercept ?? left.Intercept);

    private static (List<ulong>, bool?) Subtract((List<ulong> Terms, bool? Intercept) left, (List<ulong> Terms, bool? Intercept) right)
    {
        var kept = left.Terms.Where(t => !right.Terms.Contains(t)).ToList();
        var intercept = right.Intercept switch
        {
            true => false,
            false => true,
            null => left.Intercept,
        };
        return (kept, intercept);
    }

    private static (List<ulong>, bool?) Cross((List<ulong> Terms, bool? Intercept) left, (List<ulong> Terms, bool? Intercept) right) =>
        (Union(Union(left.Terms, right.Terms), Interact(left.Terms, right.Terms)), null);

    private static (List<ulong>, bool?) Nest((List<ulong> Terms, bool? Intercept) left, (List<ulong> Terms, bool? Intercept) right)
    {
        var all = left.Terms.Aggregate(0UL, (a, t) => a | t);
        return (Union(left.Terms, right.Terms.Select(t => t | all).ToList()), null);
    }

    private (List<ulong>, bool?) Power((List<ulong> Terms, bool? Intercept) left, FormulaNode exponent)
    {
        if (exponent is not NumberNode { Value: >= 1 } n || n.Value != Math.Floor(n.Value))
        {
            throw FormulaTokenizer.Error(_text, exponent.Position, "the power of a term must be a positive whole number, e.g. (a + b + c)^2");
        }
        var result = left.Terms;
        for (var i = 1; i < (int)n.Value; i++)
        {
            result = Union(Union(result, left.Terms), Interact(result, left.Terms));
        }
        return (result, null);
    }

    private static List<ulong> Interact(List<ulong> left, List<ulong> right) =>
        Union([], left.SelectMany(l => right.Select(r => l | r)).ToList());

    private static List<ulong> Union(List<ulong> left, List<ulong> right)
    {
        var result = new List<ulong>(left);
        foreach (var t in right)
        {
            if (!result.Contains(t))
            {
                result.Add(t);
            }
        }
        return result;
    }
}
