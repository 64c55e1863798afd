namespace Nmt.Analytics.Data;

/// <summary>How serious a validation issue is.</summary>
public enum IssueSeverity
{
    /// <summary>The row (or file) cannot be used as it is: rows with errors are excluded from analysis.</summary>
    Error,

    /// <summary>Allowed but worth a look (implausible but possible values, missing ratings, order).</summary>
    Warning,
}
