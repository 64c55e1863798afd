using System.Globalization;

namespace Nmt.Analytics.Data;

/// <summary>Culture-independent parsing of cells: numbers (decimal point, or decimal comma when allowed), flags, missing values.</summary>
internal static class CellParser
{
    /// <summary>Empty cells and <c>NA</c> (as R writes it) are missing.</summary>
    public static bool IsMissing(ReadOnlySpan<char> cell) => cell.IsEmpty || cell is "NA";

    /// <summary>Parses a finite number with the invariant culture; with <paramref name="decimalComma"/> a single ',' is the decimal separator.</summary>
    public static bool TryNumber(ReadOnlySpan<char> cell, bool decimalComma, out double value)
    {
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

    /// <summary>Parses a 0/1 flag; also true/false, yes/no, y/n (any case).</summary>
    public static bool TryFlag(ReadOnlySpan<char> cell, out double value)
    {
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
