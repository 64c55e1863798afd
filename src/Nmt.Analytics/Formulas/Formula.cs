namespace Nmt.Analytics.Formulas;

/// <summary>
/// A parsed R/lme4 model formula: <c>pain_change ~ stress * region + log(hydration) + (1 + session | client_id)</c>.
/// Fixed terms are expanded and ordered as R's <c>terms()</c> does; random bars are expanded as lme4 does.
/// </summary>
public sealed class Formula
{
    private Formula(string text, ModelVariable? response, IReadOnlyList<ModelVariable> variables, IReadOnlyList<Term> terms, bool hasIntercept, IReadOnlyList<RandomTerm> randomTerms)
    {
        Text = text;
        Response = response;
        Variables = variables;
        Terms = terms;
        HasIntercept = hasIntercept;
        RandomTerms = randomTerms;
    }

    /// <summary>The formula text as given.</summary>
    public string Text { get; }

    /// <summary>The left-hand side, or null for a one-sided formula (<c>~ x</c>).</summary>
    public ModelVariable? Response { get; }

    /// <summary>Variables of the fixed part in order of first appearance (the response first, when present).</summary>
    public IReadOnlyList<ModelVariable> Variables { get; }

    /// <summary>Fixed-effects terms sorted by order (main effects, then two-way interactions, ...).</summary>
    public IReadOnlyList<Term> Terms { get; }

    /// <summary>True unless the intercept was removed with <c>0 +</c> or <c>- 1</c>.</summary>
    public bool HasIntercept { get; }

    /// <summary>Random-effects terms after expansion of <c>||</c> and nesting <c>a/b</c>.</summary>
    public IReadOnlyList<RandomTerm> RandomTerms { get; }

    /// <summary>Parses and expands formula text.</summary>
    /// <exception cref="NmtInputException">Syntax errors and misuse, with the formula position.</exception>
    public static Formula Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text); // empty text: FormulaParser says what to write
        var (left, right) = FormulaParser.Parse(text);
        if (left is BinaryNode { Operator: "|" or "||" } or ParenNode { Inner: BinaryNode { Operator: "|" or "||" } })
        {
            throw FormulaTokenizer.Error(text, left.Position, "a random-effect term cannot be the response");
        }
        var response = left is null ? null : new ModelVariable(left);
        var algebra = new TermAlgebra(text, response);
        var (terms, intercept) = algebra.Expand(right, allowBars: true);
        var random = algebra.Bars.SelectMany(b => ExpandBar(text, (BinaryNode)b)).ToList();
        return new Formula(text, response, algebra.Variables, terms, intercept, random);
    }

    /// <summary>The canonical form: expanded terms, explicit <c>0 +</c> when there is no intercept, bars last.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (!HasIntercept)
        {
            parts.Add("0");
        }
        parts.AddRange(Terms.Select(t => t.Label));
        parts.AddRange(RandomTerms.Select(r => r.ToString()));
        if (parts.Count == 0)
        {
            parts.Add("1");
        }
        var lhs = Response is null ? "" : Response.Name + " ";
        return lhs + "~ " + string.Join(" + ", parts);
    }

    private static IEnumerable<RandomTerm> ExpandBar(string text, BinaryNode bar)
    {
        var lhs = new TermAlgebra(text, response: null);
        var (terms, intercept) = lhs.Expand(bar.Left, allowBars: false);
        var groups = GroupingFactors(text, bar.Right).ToList();
        foreach (var group in groups)
        {
            if (bar.Operator == "||")
            {
                // lme4: (1 + x || g) is (1 | g) + (0 + x | g): one block per term, uncorrelated.
                if (intercept)
                {
                    yield return new RandomTerm(true, [], group);
                }
                foreach (var term in terms)
                {
                    yield return new RandomTerm(false, [term], group);
                }
            }
            else
            {
                if (!intercept && terms.Count == 0)
                {
                    throw FormulaTokenizer.Error(text, bar.Position, "a random-effect term needs at least one effect left of '|'");
                }
                yield return new RandomTerm(intercept, terms, group);
            }
        }
    }

    /// <summary><c>g</c> → [g]; <c>a:b</c> → [a:b]; <c>a/b</c> → [a], [a:b] (lme4's nesting shorthand).</summary>
    private static IEnumerable<IReadOnlyList<ModelVariable>> GroupingFactors(string text, FormulaNode node)
    {
        switch (node)
        {
            case ParenNode p:
                return GroupingFactors(text, p.Inner);
            case BinaryNode { Operator: "/" } nested:
                var outer = GroupingFactors(text, nested.Left).ToList();
                var inner = GroupingFactors(text, nested.Right).ToList();
                if (inner.Count != 1)
                {
                    throw FormulaTokenizer.Error(text, nested.Right.Position, "write deeper nesting as a/b/c");
                }
                return outer.Append(outer[^1].Concat(inner[0]).ToList());
            case BinaryNode { Operator: ":" } crossed:
                var left = GroupingFactors(text, crossed.Left).ToList();
                var right = GroupingFactors(text, crossed.Right).ToList();
                if (left.Count != 1 || right.Count != 1)
                {
                    throw FormulaTokenizer.Error(text, crossed.Position, "unsupported grouping expression");
                }
                return [left[0].Concat(right[0]).ToList()];
            case NameNode or CallNode:
                return [[new ModelVariable(node)]];
            default:
                throw FormulaTokenizer.Error(text, node.Position, "the grouping factor right of '|' must be a column, a:b or a/b");
        }
    }
}
