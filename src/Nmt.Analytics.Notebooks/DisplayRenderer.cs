using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using Nmt.Analytics.Results;
using ScottPlot;

namespace Nmt.Analytics.Notebooks;

/// <summary>
/// Turns a displayed value into MIME-keyed content: a ScottPlot <see cref="Plot"/> → <c>image/png</c>; anything
/// with a public <c>ToHtml()</c> (e.g. <see cref="ResultTable"/>) → <c>text/html</c>; a <see cref="DataFrame"/> →
/// an HTML table of its first rows; everything also gets <c>text/plain</c>.
/// </summary>
public static partial class DisplayRenderer
{
    /// <summary>How many rows of a <see cref="DataFrame"/> are shown.</summary>
    public const int DataFrameRows = 20;

    /// <summary>The MIME bundle for <paramref name="value"/> (PNG content is base64).</summary>
    public static IReadOnlyDictionary<string, string> Render(object? value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case null:
                data["text/plain"] = "null";
                return data;
            case string text:
                data["text/plain"] = text;
                return data;
            case Plot plot:
                data["image/png"] = Convert.ToBase64String(PlotImages.ToPng(plot));
                data["text/plain"] = "ScottPlot.Plot";
                return data;
            case HtmlString markup when PngImage().Match(markup.Html) is { Success: true } image:
                // A lone <img> with a PNG data URI (ScottPlot's GetPngHtml, the kernel-portable way to show a
                // chart) is stored as image/png, so every notebook viewer shows it as an image.
                data["image/png"] = image.Groups["base64"].Value;
                data["text/plain"] = "image/png";
                return data;
            case DataFrame frame:
                data["text/html"] = DataFrameHtml(frame);
                data["text/plain"] = $"DataFrame ({frame.Rows.Count} rows x {frame.Columns.Count} columns)";
                return data;
        }
        if (HtmlTypeFormatter.TryToHtml(value) is { } html)
        {
            data["text/html"] = html;
        }
        data["text/plain"] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? value.GetType().FullName ?? "?";
        return data;
    }

    [GeneratedRegex("""^\s*<img\b[^>]*\bsrc=["']data:image/png;base64,(?<base64>[A-Za-z0-9+/=]+)["'][^>]*>(\s*</img>)?\s*$""")]
    private static partial Regex PngImage();

    /// <summary>Data values as stored (round-trip numbers), missing as <c>NA</c>.</summary>
    private static string Cell(object? value) =>
        value is null or double.NaN or float.NaN ? "NA" : ResultTable.FormatExact(value);

    private static string DataFrameHtml(DataFrame frame)
    {
        var sb = new StringBuilder("<table class=\"nmt-dataframe\"><thead><tr>");
        foreach (var column in frame.Columns)
        {
            sb.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        }
        sb.Append("</tr></thead><tbody>");
        var shown = Math.Min(frame.Rows.Count, DataFrameRows);
        for (long row = 0; row < shown; row++)
        {
            sb.Append("<tr>");
            foreach (var column in frame.Columns)
            {
                sb.Append("<td>").Append(WebUtility.HtmlEncode(Cell(column[row]))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (frame.Rows.Count > shown)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>(first {shown} of {frame.Rows.Count} rows)</p>");
        }
        return sb.ToString();
    }
}
