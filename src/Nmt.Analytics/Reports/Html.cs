namespace Nmt.Analytics.Reports;

/// <summary>HTML text encoding for report content.</summary>
internal static class Html
{
    /// <summary>Encodes text for an HTML element or attribute.</summary>
    public static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
