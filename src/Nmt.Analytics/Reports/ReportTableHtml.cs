using System.Text;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Reports;

/// <summary>
/// A result table as the report shows it: headers may break after underscores (<c>&lt;wbr&gt;</c>), numbers never
/// break, long text wraps, and every cell carries its column name (<c>data-label</c>) so that on a phone the
/// stylesheet can show each row as a stacked card instead of a table wider than the screen.
/// </summary>
internal static class ReportTableHtml
{
    /// <summary>Renders <paramref name="table"/> with numbers to <paramref name="digits"/> significant digits.</summary>
    public static string Render(ResultTable table, int digits)
    {
        var html = new StringBuilder("<div class=\"table-wrap\"><table class=\"nmt-table\">");
        if (!string.IsNullOrEmpty(table.Title))
        {
            html.Append("<caption>").Append(Html.Encode(table.Title)).Append("</caption>");
        }
        html.Append("<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(Breakable(column)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var j = 0; j < row.Count; j++)
            {
                var kind = row[j] is double or int or long ? "num" : Html.Encode(ResultTable.FormatText(row[j], digits)).Length > 40 ? "text" : "short";
                html.Append("<td class=\"").Append(kind).Append("\" data-label=\"").Append(Html.Encode(table.Columns[j])).Append("\">")
                    .Append(Html.Encode(ResultTable.FormatText(row[j], digits))).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        foreach (var note in table.Notes)
        {
            html.Append("<p class=\"nmt-note\">").Append(Html.Encode(note)).Append("</p>");
        }
        return html.Append("</div>\n").ToString();
    }

    private static string Breakable(string column) => Html.Encode(column).Replace("_", "_<wbr>", StringComparison.Ordinal);
}
