using System.Globalization;
using Nmt.Analytics.Data;

namespace Nmt.Analytics.Outcomes;

/// <summary>Reads an identifier or category cell as text, whatever the column type the loader chose.</summary>
internal static class CellKey
{
    /// <summary>The cell as invariant text; null when missing or when the column is a code set.</summary>
    public static string? Of(TableColumn column, int row) => column switch
    {
        TextColumn t => t[row],
        NumericColumn n when double.IsNaN(n[row]) => null,
        NumericColumn n => n[row].ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };
}
