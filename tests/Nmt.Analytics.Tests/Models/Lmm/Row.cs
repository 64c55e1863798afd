using System.Globalization;

namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>A fixture row: column name → text value.</summary>
internal sealed class Row(Dictionary<string, string> values)
{
    public string this[string column] => values[column];

    public double Num(string column) => double.Parse(values[column], CultureInfo.InvariantCulture);
}
