using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Tests.Reports;

/// <summary>Reaches internal report helpers (InternalsVisibleTo).</summary>
internal static class ReportsTestAccess
{
    public static ResultTable ExclusionTable(IEnumerable<RowExclusion> exclusions) =>
        Nmt.Analytics.Reports.Sections.DataSection.ExclusionTable(exclusions);
}
