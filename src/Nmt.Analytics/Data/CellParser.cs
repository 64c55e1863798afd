using System.Globalization;
using System.Runtime.CompilerServices;

namespace Nmt.Analytics.Data;

/// <summary>Culture-independent parsing of cells: numbers (decimal point, or decimal comma when allowed), flags, missing values.</summary>
internal static class CellParser
{
    /// <summary>
    /// The cells that mean "missing", besides an empty or blank one: <c>NA</c> (as R writes it), <c>N/A</c> (as
    /// spreadsheets write it), <c>NaN</c> and <c>.</c> (as Stata and SAS write it). Matched exactly, after trimming spaces.
    /// </summary>
    public static readonly IReadOnlyList<string> MissingTokens = ["NA", "N/A", "NaN", "."];

    /// <summary>
    /// The one definition of a missing value, shared by every reader (session data, plain tables, study tables): an
    /// empty or blank cell, or one of <see cref="MissingTokens"/> (surrounding spaces ignored).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsMissing(ReadOnlySpan<char> cell)
    {
        if (cell.IsEmpty)
        {
            return true;
        }
        if (cell[0] is not ('N' or '.') && !char.IsWhiteSpace(cell[0]))
        {
            return false; // the common case: trimmed, it still starts with a character no token starts with
        }
        cell = cell.Trim();
        return cell.IsEmpty || cell is "NA" or "N/A" or "NaN" or ".";
    }

    /// <summary>Parses a finite number with the invariant culture; with <paramref name="decimalComma"/> a single ',' is the decimal separator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryNumber(ReadOnlySpan<char> cell, bool decimalComma, out double value)
    {
        if (TrySimpleDecimal(cell, decimalComma ? ',' : '.', out value))
        {
            return true;
        }
        if (decimalComma && cell.Contains(','))
        {
            if (cell.Contains('.') || cell.Count(',') > 1 || cell.Length > 64)
            {
                value = double.NaN;
                return false;
            }
            Span<char> copy = stackalloc char[cell.Length];
            cell.CopyTo(copy);
            copy.Replace(',', '.');
            return Finish(double.TryParse(copy, NumberStyles.Float, CultureInfo.InvariantCulture, out value), ref value);
        }
        return Finish(double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value), ref value);
    }

    /// <summary>
    /// Fast path for the common plain decimals (<c>-12.5</c>): at most 15 digits, so the digits form an exact integer
    /// and dividing by an exact power of ten gives the correctly rounded double (Clinger 1990, PLDI "How to read
    /// floating point numbers accurately", the fast path). Anything else goes to <see cref="double.TryParse(string?, out double)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TrySimpleDecimal(ReadOnlySpan<char> cell, char point, out double value)
    {
        value = 0;
        var negative = cell.Length > 0 && cell[0] == '-';
        var i = negative ? 1 : 0;
        long mantissa = 0;
        int digits = 0, scale = -1;
        for (; i < cell.Length; i++)
        {
            var c = cell[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (c - '0');
                digits++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if ((c == point || c == '.') && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits is 0 or > 15)
        {
            return false;
        }
        value = scale > 0 ? mantissa / PowersOfTen[scale] : mantissa;
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>Parses a 0/1 flag; also true/false, yes/no, y/n (any case).</summary>
    public static bool TryFlag(ReadOnlySpan<char> cell, out double value)
    {
        if (cell.Length == 1 && cell[0] is '0' or '1')
        {
            value = cell[0] - '0';
            return true;
        }
        value = cell switch
        {
            "1" or "1.0" => 1,
            "0" or "0.0" => 0,
            _ when cell.Equals("true", StringComparison.OrdinalIgnoreCase) || cell.Equals("yes", StringComparison.OrdinalIgnoreCase)
                || cell.Equals("y", StringComparison.OrdinalIgnoreCase) => 1,
            _ when cell.Equals("false", StringComparison.OrdinalIgnoreCase) || cell.Equals("no", StringComparison.OrdinalIgnoreCase)
                || cell.Equals("n", StringComparison.OrdinalIgnoreCase) => 0,
            _ => double.NaN,
        };
        return !double.IsNaN(value);
    }

    /// <summary>Formats a number for messages (invariant, shortest round-trip).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool Finish(bool parsed, ref double value)
    {
        if (parsed && double.IsFinite(value))
        {
            return true;
        }
        value = double.NaN;
        return false;
    }
}
