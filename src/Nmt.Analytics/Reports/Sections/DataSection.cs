using System.Globalization;
using Nmt.Analytics.Outcomes;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Reports.Sections;

/// <summary>"The data": how many clients, sessions and clinics, and what was excluded and why.</summary>
internal static class DataSection
{
    public static void Build(ReportSection section, ReportContext context)
    {
        var sessions = context.Inputs.Sessions;
        if (sessions.RowCount == 0)
        {
            throw new NmtInputException("the data set has no usable sessions.");
        }
        var clients = sessions.Text(SessionColumns.ClientId).Levels().Count;
        var clinics = sessions.Text(SessionColumns.ClinicId).Levels().Count;
        section.KeyFigures(
        [
            ("clients", Count(clients)),
            ("sessions", Count(sessions.RowCount)),
            ("clinics", Count(clinics)),
            ("sessions per client (mean)", (sessions.RowCount / (double)clients).ToString("0.0", CultureInfo.InvariantCulture)),
            ("rows excluded", Count(context.Inputs.Exclusions.Count)),
        ]);
        section.Paragraph($"Source: {context.Inputs.SourceName}. Each row is one treatment session; a client's sessions form an episode of care. " +
                          "No client identifier appears anywhere in this report.");
        var exclusions = ExclusionTable(context.Inputs.Exclusions);
        if (exclusions.Rows.Count == 0)
        {
            section.Paragraph("No rows were excluded: every session passed validation.");
        }
        else
        {
            section.Paragraph("Rows excluded from the analyses, by reason (nothing is dropped silently):");
            context.Table(section, "excluded_rows", exclusions);
        }
    }

    /// <summary>Exclusions counted per reason, most frequent first.</summary>
    internal static ResultTable ExclusionTable(IEnumerable<Data.RowExclusion> exclusions)
    {
        var table = new ResultTable("Excluded rows", "reason", "rows", "first_lines");
        foreach (var group in exclusions.GroupBy(e => e.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var lines = string.Join(", ", group.Take(5).Select(e => e.Line.ToString(CultureInfo.InvariantCulture)));
            table.AddRow(group.Key, group.Count(), group.Count() > 5 ? lines + ", …" : lines);
        }
        return table;
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
