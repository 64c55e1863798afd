namespace Nmt.Analytics.Data;

/// <summary>What the loader detected about a CSV file (it never depends on the machine's culture).</summary>
/// <param name="Delimiter">Field delimiter: <c>,</c> or <c>;</c> (from the header line).</param>
/// <param name="DecimalComma">True when <c>,</c> is accepted as the decimal separator (only in <c>;</c>-delimited files).</param>
/// <param name="HasBom">True when the file starts with a UTF-8 byte order mark.</param>
/// <param name="CrLf">True when lines end with CR LF (Windows).</param>
public sealed record CsvFormat(char Delimiter, bool DecimalComma, bool HasBom, bool CrLf);
