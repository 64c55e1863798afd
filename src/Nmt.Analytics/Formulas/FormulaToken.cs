namespace Nmt.Analytics.Formulas;

/// <summary>One token of a formula, with its 1-based character position for error messages.</summary>
/// <param name="Kind">Lexical category.</param>
/// <param name="Text">The token text (unquoted for names and strings).</param>
/// <param name="Position">1-based position of the token's first character in the formula.</param>
public sealed record FormulaToken(FormulaTokenKind Kind, string Text, int Position)
{
    /// <summary>True when this is the operator <paramref name="op"/>.</summary>
    public bool Is(string op) => Kind == FormulaTokenKind.Operator && Text == op;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        FormulaTokenKind.End => "end of formula",
        FormulaTokenKind.String => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
