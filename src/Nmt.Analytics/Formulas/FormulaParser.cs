using System.Globalization;

namespace Nmt.Analytics.Formulas;

/// <summary>
/// Recursive-descent parser for R model formulas with R's operator precedence
/// (low to high: <c>~</c>, <c>| ||</c>, binary <c>+ -</c>, <c>* /</c>, <c>:</c>, unary <c>- +</c>, <c>^</c>).
/// </summary>
public sealed class FormulaParser
{
    private readonly string _text;
    private readonly IReadOnlyList<FormulaToken> _tokens;
    private int _next;

    /// <summary>Deepest nesting of parentheses accepted; deeper formulas are refused before the recursive parser runs.</summary>
    public const int MaxDepth = 100;

    /// <summary>Most tokens accepted (parsing and term expansion recurse once per operator).</summary>
    public const int MaxTokens = 2000;

    private FormulaParser(string text)
    {
        _text = text;
        _tokens = FormulaTokenizer.Tokenize(text);
        CheckSize(_tokens);
    }

    /// <summary>Refuses formulas so long or deeply nested that parsing them would exhaust the stack.</summary>
    private static void CheckSize(IReadOnlyList<FormulaToken> tokens)
    {
        if (tokens.Count > MaxTokens)
        {
            throw new NmtInputException($"the formula is too long ({tokens.Count} tokens; at most {MaxTokens}).");
        }
        var depth = 0;
        foreach (var token in tokens)
        {
            depth += token.Kind == FormulaTokenKind.LeftParen ? 1 : token.Kind == FormulaTokenKind.RightParen ? -1 : 0;
            if (depth > MaxDepth)
            {
                throw new NmtInputException($"the formula nests parentheses more than {MaxDepth} deep (at position {token.Position}); simplify it.");
            }
        }
    }

    /// <summary>Parses <c>lhs ~ rhs</c>; the result is a <see cref="BinaryNode"/> with operator <c>~</c> (left side may be absent).</summary>
    /// <returns>The left-hand side (null when absent) and the right-hand side.</returns>
    /// <exception cref="NmtInputException">A syntax error, with the formula position.</exception>
    public static (FormulaNode? Left, FormulaNode Right) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new NmtInputException("the formula is empty; write it as 'outcome ~ predictors', e.g. \"pain_change ~ stress + region\".");
        }
        var parser = new FormulaParser(text);
        return parser.ParseFormula();
    }

    private FormulaToken Peek => _tokens[_next];

    private (FormulaNode? Left, FormulaNode Right) ParseFormula()
    {
        if (Peek.Kind == FormulaTokenKind.End)
        {
            throw FormulaTokenizer.Error(_text, 1, "the formula is empty; write it as 'response ~ terms'");
        }
        FormulaNode? left = null;
        if (!Peek.Is("~"))
        {
            left = ParseBar();
        }
        if (!Peek.Is("~"))
        {
            throw Expected("'~' between the response and the terms");
        }
        _next++;
        var right = ParseBar();
        if (Peek.Kind != FormulaTokenKind.End)
        {
            throw Unexpected(Peek.Kind == FormulaTokenKind.RightParen ? "unmatched ')'" : null);
        }
        return (left, right);
    }

    private FormulaNode ParseBar()
    {
        var left = ParseSum();
        while (Peek.Is("|") || Peek.Is("||"))
        {
            var op = Take();
            left = new BinaryNode(op.Text, left, ParseSum(), op.Position);
        }
        return left;
    }

    private FormulaNode ParseSum()
    {
        var left = ParseProduct();
        while (Peek.Is("+") || Peek.Is("-"))
        {
            var op = Take();
            left = new BinaryNode(op.Text, left, ParseProduct(), op.Position);
        }
        return left;
    }

    private FormulaNode ParseProduct()
    {
        var left = ParseColon();
        while (Peek.Is("*") || Peek.Is("/"))
        {
            var op = Take();
            left = new BinaryNode(op.Text, left, ParseColon(), op.Position);
        }
        return left;
    }

    private FormulaNode ParseColon()
    {
        var left = ParseUnary();
        while (Peek.Is(":"))
        {
            var op = Take();
            left = new BinaryNode(":", left, ParseUnary(), op.Position);
        }
        return left;
    }

    private FormulaNode ParseUnary()
    {
        if (Peek.Is("-") || Peek.Is("+"))
        {
            var op = Take();
            return new UnaryNode(op.Text, ParseUnary(), op.Position);
        }
        return ParsePower();
    }

    private FormulaNode ParsePower()
    {
        var baseNode = ParsePrimary();
        if (Peek.Is("^"))
        {
            var op = Take();
            return new BinaryNode("^", baseNode, ParseUnary(), op.Position); // right-associative, as in R
        }
        return baseNode;
    }

    private FormulaNode ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case FormulaTokenKind.Number:
                _next++;
                return new NumberNode(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture), token.Position);
            case FormulaTokenKind.String:
                _next++;
                return new StringNode(token.Text, token.Position);
            case FormulaTokenKind.Name:
                _next++;
                return Peek.Kind == FormulaTokenKind.LeftParen ? ParseCall(token) : new NameNode(token.Text, token.Position);
            case FormulaTokenKind.LeftParen:
                _next++;
                var inner = ParseBar();
                ExpectRightParen();
                return new ParenNode(inner, token.Position);
            default:
                throw Expected("a variable, number or '('");
        }
    }

    private CallNode ParseCall(FormulaToken name)
    {
        _next++; // '('
        var arguments = new List<CallArgument>();
        if (Peek.Kind != FormulaTokenKind.RightParen)
        {
            arguments.Add(ParseArgument());
            while (Peek.Is(","))
            {
                _next++;
                arguments.Add(ParseArgument());
            }
        }
        ExpectRightParen();
        return new CallNode(name.Text, arguments, name.Position);
    }

    private CallArgument ParseArgument()
    {
        if (Peek.Kind == FormulaTokenKind.Name && _tokens[_next + 1].Is("="))
        {
            var name = Take().Text;
            _next++;
            return new CallArgument(name, ParseBar());
        }
        return new CallArgument(null, ParseBar());
    }

    private void ExpectRightParen()
    {
        if (Peek.Kind != FormulaTokenKind.RightParen)
        {
            throw Expected("')'");
        }
        _next++;
    }

    private FormulaToken Take() => _tokens[_next++];

    private NmtInputException Expected(string what) =>
        FormulaTokenizer.Error(_text, Peek.Position, $"expected {what} but found {Peek.Describe()}");

    private NmtInputException Unexpected(string? detail) =>
        FormulaTokenizer.Error(_text, Peek.Position, detail ?? $"unexpected {Peek.Describe()}");
}
