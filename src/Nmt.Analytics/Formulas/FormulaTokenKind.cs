namespace Nmt.Analytics.Formulas;

/// <summary>The lexical categories of an R model formula.</summary>
public enum FormulaTokenKind
{
    /// <summary>A variable or function name (<c>stress</c>, <c>log</c>, or a back-quoted name).</summary>
    Name,

    /// <summary>A numeric literal (<c>1</c>, <c>0.5</c>, <c>1e-3</c>).</summary>
    Number,

    /// <summary>A quoted string literal (<c>"lumbar"</c>).</summary>
    String,

    /// <summary>An operator: <c>~ + - * / : ^ | || =</c> or a comma.</summary>
    Operator,

    /// <summary>An opening parenthesis.</summary>
    LeftParen,

    /// <summary>A closing parenthesis.</summary>
    RightParen,

    /// <summary>The end of the formula text.</summary>
    End,
}
