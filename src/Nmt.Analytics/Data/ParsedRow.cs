namespace Nmt.Analytics.Data;

/// <summary>The typed values of the current row, by header column index (reused from row to row).</summary>
internal sealed class ParsedRow(int columns)
{
    public double[] Numbers { get; } = new double[columns];
    public string?[] Texts { get; } = new string?[columns];
    public string[]?[] Sets { get; } = new string[]?[columns];
    public long Line { get; set; }

    /// <summary>Rule and reason of the row's first error; null while the row is usable.</summary>
    public (string Rule, string Reason)? FirstError { get; set; }

    public bool IsUsable => FirstError is null;

    public void Reset(long line)
    {
        Line = line;
        FirstError = null;
        Array.Fill(Numbers, double.NaN);
        Array.Clear(Texts);
        Array.Clear(Sets);
    }
}
