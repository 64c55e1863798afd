using System.Text;

namespace Nmt.Analytics.Formulas;

/// <summary>Splits R formula text into tokens (names, numbers, strings, operators, parentheses).</summary>
public static class FormulaTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>; the last token is always <see cref="FormulaTokenKind.End"/>.</summary>
    /// <exception cref="NmtInputException">An unexpected character or an unterminated quote (with its position).</exception>
    public static IReadOnlyList<FormulaToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<FormulaToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (char.IsLetter(c) || c == '.' || c == '_')
            {
                tokens.Add(ReadName(text, ref i));
            }
            else if (c is '`' or '"' or '\'')
            {
                tokens.Add(ReadQuoted(text, ref i));
            }
            else
            {
                tokens.Add(ReadSymbol(text, ref i));
            }
        }
        tokens.Add(new FormulaToken(FormulaTokenKind.End, "", text.Length + 1));
        return tokens;
    }

    /// <summary>The error for a problem at a 1-based position of the formula.</summary>
    public static NmtInputException Error(string formula, int position, string message) =>
        new($"formula position {position}: {message} in '{formula}'.");

    private static FormulaToken ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }
        if (i < text.Length && text[i] == 'L')
        {
            i++; // R integer suffix, e.g. 1L
            return new FormulaToken(FormulaTokenKind.Number, text[start..(i - 1)], start + 1);
        }
        return new FormulaToken(FormulaTokenKind.Number, text[start..i], start + 1);
    }

    private static FormulaToken ReadName(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '_'))
        {
            i++;
        }
        return new FormulaToken(FormulaTokenKind.Name, text[start..i], start + 1);
    }

    private static FormulaToken ReadQuoted(string text, ref int i)
    {
        var quote = text[i];
        var start = i;
        var sb = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }
            sb.Append(text[i]);
            i++;
        }
        if (i >= text.Length)
        {
            throw Error(text, start + 1, $"unterminated quote {quote}");
        }
        i++;
        var kind = quote == '`' ? FormulaTokenKind.Name : FormulaTokenKind.String;
        return new FormulaToken(kind, sb.ToString(), start + 1);
    }

    private static FormulaToken ReadSymbol(string text, ref int i)
    {
        var start = i;
        var c = text[i];
        i++;
        switch (c)
        {
            case '(':
                return new FormulaToken(FormulaTokenKind.LeftParen, "(", start + 1);
            case ')':
                return new FormulaToken(FormulaTokenKind.RightParen, ")", start + 1);
            case '|' when i < text.Length && text[i] == '|':
                i++;
                return new FormulaToken(FormulaTokenKind.Operator, "||", start + 1);
            case '*' when i < text.Length && text[i] == '*':
                i++;
                return new FormulaToken(FormulaTokenKind.Operator, "^", start + 1); // R reads ** as ^
            case '~' or '+' or '-' or '*' or '/' or ':' or '^' or '|' or '=' or ',':
                return new FormulaToken(FormulaTokenKind.Operator, c.ToString(), start + 1);
            default:
                throw Error(text, start + 1, $"unexpected character '{c}'");
        }
    }
}
