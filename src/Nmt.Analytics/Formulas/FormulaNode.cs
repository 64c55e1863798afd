using System.Globalization;

namespace Nmt.Analytics.Formulas;

/// <summary>
/// A node of a parsed formula expression. <see cref="ToString"/> deparses it the way R's <c>deparse()</c> does
/// (<c>I(x^2)</c>, <c>log(x + 1)</c>, <c>I(a * b)</c>, <c>I(x/2)</c>), which is how R names model-matrix columns.
/// </summary>
/// <param name="Position">1-based position of the node in the formula text.</param>
public abstract record FormulaNode(int Position);

/// <summary>A variable name.</summary>
/// <param name="Name">The name.</param>
/// <param name="Position">1-based position.</param>
public sealed record NameNode(string Name, int Position) : FormulaNode(Position)
{
    /// <inheritdoc/>
    public override string ToString() => IsSyntactic(Name) ? Name : $"`{Name}`";

    private static bool IsSyntactic(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '.') && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_');
}

/// <summary>A numeric literal.</summary>
/// <param name="Value">The value.</param>
/// <param name="Position">1-based position.</param>
public sealed record NumberNode(double Value, int Position) : FormulaNode(Position)
{
    /// <inheritdoc/>
    public override string ToString() => RNumberFormat.Format(Value);
}

/// <summary>A string literal (used for arguments such as <c>ref = "lumbar"</c>).</summary>
/// <param name="Value">The unquoted text.</param>
/// <param name="Position">1-based position.</param>
public sealed record StringNode(string Value, int Position) : FormulaNode(Position)
{
    /// <inheritdoc/>
    public override string ToString() => "\"" + Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>A function call such as <c>log(x)</c> or <c>C(region, ref = "lumbar")</c>.</summary>
/// <param name="Function">Function name.</param>
/// <param name="Arguments">Arguments in order; <see cref="CallArgument.Name"/> is set for <c>name = value</c>.</param>
/// <param name="Position">1-based position.</param>
public sealed record CallNode(string Function, IReadOnlyList<CallArgument> Arguments, int Position) : FormulaNode(Position)
{
    /// <inheritdoc/>
    public override string ToString() => Function + "(" + string.Join(", ", Arguments.Select(a => a.ToString())) + ")";
}

/// <summary>One argument of a <see cref="CallNode"/>.</summary>
/// <param name="Name">Argument name for <c>name = value</c>, else null.</param>
/// <param name="Value">The argument expression.</param>
public sealed record CallArgument(string? Name, FormulaNode Value)
{
    /// <inheritdoc/>
    public override string ToString() => Name is null ? Value.ToString()! : $"{Name} = {Value}";
}

/// <summary>A binary operation: <c>+ - * / : ^ | || ~</c>.</summary>
/// <param name="Operator">The operator text.</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
/// <param name="Position">1-based position of the operator.</param>
public sealed record BinaryNode(string Operator, FormulaNode Left, FormulaNode Right, int Position) : FormulaNode(Position)
{
    /// <inheritdoc/>
    public override string ToString() => Operator switch
    {
        // R's deparse writes ^, : and / without spaces and the other operators with spaces.
        "^" or ":" or "/" => $"{Left}{Operator}{Right}",
        _ => $"{Left} {Operator} {Right}",
    };
}

/// <summary>A unary plus or minus.</summary>
/// <param name="Operator"><c>-</c> or <c>+</c>.</param>
/// <param name="Operand">The operand.</param>
/// <param name="Position">1-based position.</param>
public sealed record UnaryNode(string Operator, FormulaNode Operand, int Position) : FormulaNode(Position)
{
    /// <inheritdoc/>
    public override string ToString() => Operator + Operand;
}

/// <summary>A parenthesised expression (kept so that deparsing reproduces R's names).</summary>
/// <param name="Inner">The expression inside.</param>
/// <param name="Position">1-based position.</param>
public sealed record ParenNode(FormulaNode Inner, int Position) : FormulaNode(Position)
{
    /// <inheritdoc/>
    public override string ToString() => "(" + Inner + ")";
}

/// <summary>R's way of printing a number in deparsed code (15 significant digits, fixed or scientific, whichever is narrower).</summary>
internal static class RNumberFormat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Inf" : "-Inf";
        }
        var fixedText = value.ToString("G15", CultureInfo.InvariantCulture);
        if (fixedText.Contains('E', StringComparison.Ordinal))
        {
            fixedText = decimal.TryParse(fixedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d.ToString(CultureInfo.InvariantCulture) : fixedText;
        }
        var sci = Scientific(value);
        return sci.Length < fixedText.Length ? sci : fixedText;
    }

    private static string Scientific(double value)
    {
        if (value == 0)
        {
            return "0";
        }
        var text = value.ToString("0.##############e+00", CultureInfo.InvariantCulture);
        return text;
    }
}
