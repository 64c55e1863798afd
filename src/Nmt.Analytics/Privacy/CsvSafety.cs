namespace Nmt.Analytics.Privacy;

/// <summary>
/// Neutralises spreadsheet formula injection in CSV outputs: a text cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return is prefixed with an apostrophe, so Excel, LibreOffice and Google Sheets show it
/// as text instead of running it (OWASP, "CSV Injection"). Numbers are written as numbers and never altered.
/// </summary>
public static class CsvSafety
{
    /// <summary>The text cell, with a leading apostrophe when a spreadsheet would read it as a formula.</summary>
    public static string Neutralise(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
    }
}
