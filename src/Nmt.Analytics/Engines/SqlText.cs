using System.Globalization;

namespace Nmt.Analytics.Engines;

/// <summary>ANSI SQL quoting: identifiers in double quotes, strings in single quotes, each with its quote doubled.</summary>
internal static class SqlText
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Double(string expression) => $"CAST({expression} AS DOUBLE PRECISION)";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
